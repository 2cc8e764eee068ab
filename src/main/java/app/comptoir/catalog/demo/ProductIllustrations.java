package app.comptoir.catalog.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Clean product illustrations drawn with Java2D for the demo catalogs (nothing can be downloaded): one
 * simple vector-like drawing per kind of product (a pot, a watering can, a seed packet, a spade, a plant…),
 * tinted by a colour, on a soft background. Everything is drawn in a 100 × 100 space scaled to the size
 * asked, so the thumbnail is drawn, not shrunk. No text: the same kind and colour give the same picture,
 * which the demo stores once and shares between products.
 */
final class ProductIllustrations {

    /** What is drawn. */
    enum Kind {
        POT, TROUGH, SAUCER, WATERING_CAN, HOSE, NOZZLE, TANK, SPADE, RAKE, SHEARS, SAW, WHEELBARROW, MOWER, TRIMMER,
        PLANT, ROSE, TREE, HERB, BULB, SEED_PACKET, SACK, BOTTLE, ROLL, TABLE, CHAIR, PARASOL, LOUNGER, LAMP,
        BIRDHOUSE, GLOVE, BOOT, APRON, GREENHOUSE, SHED, COMPOSTER, BOX
    }

    private static final Color LEAF = new Color(0x4E8B3A);
    private static final Color LEAF_DARK = new Color(0x3A6B2A);
    private static final Color WOOD = new Color(0xB07A45);
    private static final Color STEEL = new Color(0xA9B2BA);
    private static final Color SOIL = new Color(0x5B3F2C);
    private static final Color TERRACOTTA = new Color(0xC8693F);

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("tuyaux d'arrosage", Kind.HOSE), Map.entry("arrosoirs", Kind.WATERING_CAN),
            Map.entry("pistolets et lances", Kind.NOZZLE), Map.entry("programmateurs et goutte-a-goutte", Kind.HOSE),
            Map.entry("recuperateurs d'eau", Kind.TANK), Map.entry("beches et pelles", Kind.SPADE),
            Map.entry("rateaux et griffes", Kind.RAKE), Map.entry("secateurs et cisailles", Kind.SHEARS),
            Map.entry("scies et elagage", Kind.SAW), Map.entry("brouettes", Kind.WHEELBARROW),
            Map.entry("tondeuses", Kind.MOWER), Map.entry("taille-haies", Kind.TRIMMER),
            Map.entry("debroussailleuses", Kind.TRIMMER), Map.entry("pots en terre cuite", Kind.POT),
            Map.entry("pots en resine", Kind.POT), Map.entry("jardinieres", Kind.TROUGH), Map.entry("soucoupes", Kind.SAUCER),
            Map.entry("vivaces", Kind.PLANT), Map.entry("arbustes", Kind.PLANT), Map.entry("rosiers", Kind.ROSE),
            Map.entry("arbres fruitiers", Kind.TREE), Map.entry("aromatiques", Kind.HERB), Map.entry("bulbes", Kind.BULB),
            Map.entry("graines potageres", Kind.SEED_PACKET), Map.entry("graines de fleurs", Kind.SEED_PACKET),
            Map.entry("gazon", Kind.SACK), Map.entry("terreaux", Kind.SACK), Map.entry("engrais", Kind.SACK),
            Map.entry("paillages", Kind.SACK), Map.entry("tables", Kind.TABLE), Map.entry("chaises et fauteuils", Kind.CHAIR),
            Map.entry("parasols", Kind.PARASOL), Map.entry("bains de soleil", Kind.LOUNGER),
            Map.entry("eclairage solaire", Kind.LAMP), Map.entry("decoration", Kind.BIRDHOUSE), Map.entry("gants", Kind.GLOVE),
            Map.entry("bottes", Kind.BOOT), Map.entry("vetements de travail", Kind.APRON),
            Map.entry("voiles et filets", Kind.ROLL), Map.entry("traitements", Kind.BOTTLE), Map.entry("serres", Kind.GREENHOUSE),
            Map.entry("abris de jardin", Kind.SHED), Map.entry("composteurs", Kind.COMPOSTER));

    /** The usual colour of each kind when the product has no colour of its own. */
    private static final Map<Kind, Color> DEFAULT_TINTS = Map.ofEntries(
            Map.entry(Kind.POT, TERRACOTTA), Map.entry(Kind.TROUGH, new Color(0x6F7D5C)), Map.entry(Kind.SAUCER, TERRACOTTA),
            Map.entry(Kind.WATERING_CAN, new Color(0x3F7F5F)), Map.entry(Kind.HOSE, new Color(0x3C8D40)),
            Map.entry(Kind.NOZZLE, new Color(0x2F8F5B)), Map.entry(Kind.TANK, new Color(0x4C7A47)),
            Map.entry(Kind.SPADE, STEEL), Map.entry(Kind.RAKE, STEEL), Map.entry(Kind.SHEARS, new Color(0xC8322B)),
            Map.entry(Kind.SAW, new Color(0xE07B1F)), Map.entry(Kind.WHEELBARROW, new Color(0x3C8D40)),
            Map.entry(Kind.MOWER, new Color(0xE0701F)), Map.entry(Kind.TRIMMER, new Color(0x2F8F9D)),
            Map.entry(Kind.PLANT, new Color(0x8E6CC4)), Map.entry(Kind.ROSE, new Color(0xD9497A)),
            Map.entry(Kind.TREE, new Color(0xD8432F)), Map.entry(Kind.HERB, new Color(0x5FA04E)),
            Map.entry(Kind.BULB, new Color(0xE8A33B)), Map.entry(Kind.SEED_PACKET, new Color(0xE4A93C)),
            Map.entry(Kind.SACK, new Color(0x6B8F3A)), Map.entry(Kind.BOTTLE, new Color(0x2E8B6E)),
            Map.entry(Kind.ROLL, new Color(0xE9E4D4)), Map.entry(Kind.TABLE, new Color(0x4A4F55)),
            Map.entry(Kind.CHAIR, new Color(0x4A4F55)), Map.entry(Kind.PARASOL, new Color(0xE9E1CC)),
            Map.entry(Kind.LOUNGER, new Color(0x4A4F55)), Map.entry(Kind.LAMP, new Color(0x3D4247)),
            Map.entry(Kind.BIRDHOUSE, WOOD), Map.entry(Kind.GLOVE, new Color(0x5E9A48)), Map.entry(Kind.BOOT, new Color(0x3D6B35)),
            Map.entry(Kind.APRON, new Color(0x56606B)), Map.entry(Kind.GREENHOUSE, new Color(0x9FC9B5)),
            Map.entry(Kind.SHED, WOOD), Map.entry(Kind.COMPOSTER, new Color(0x3E6B3A)), Map.entry(Kind.BOX, new Color(0x7A8F6A)));

    /** The colours the demo catalogs use in their colour options, by name without accents or case. */
    private static final Map<String, Color> COLOURS = Map.ofEntries(
            Map.entry("blanc", new Color(0xF2F0EA)), Map.entry("blanc vieilli", new Color(0xE6DFD0)),
            Map.entry("blanc chaud", new Color(0xF6E7B8)), Map.entry("blanc froid", new Color(0xDCE8F2)),
            Map.entry("ecru", new Color(0xEDE3CC)), Map.entry("anthracite", new Color(0x3E4347)),
            Map.entry("gris anthracite", new Color(0x44494E)), Map.entry("gris", new Color(0x8A9097)),
            Map.entry("taupe", new Color(0x8B7D6B)), Map.entry("sable", new Color(0xD8C39A)),
            Map.entry("vert", new Color(0x3C8D40)), Map.entry("vert sauge", new Color(0x9AAE8C)),
            Map.entry("vert olive", new Color(0x6B7A3A)), Map.entry("kaki", new Color(0x6E6A3C)),
            Map.entry("terracotta", TERRACOTTA), Map.entry("terre cuite", TERRACOTTA), Map.entry("naturel", new Color(0xC98A5B)),
            Map.entry("rouge", new Color(0xC8322B)), Map.entry("rose", new Color(0xE07A9B)), Map.entry("noir", new Color(0x2A2B2D)),
            Map.entry("bleu", new Color(0x3A6EA5)), Map.entry("bleu marine", new Color(0x243B5A)),
            Map.entry("bleu acapulco", new Color(0x4FA3B8)), Map.entry("galvanise", new Color(0xB5BEC4)),
            Map.entry("teck", new Color(0x9C6B3E)));

    /** The option names that carry a colour. */
    private static final java.util.Set<String> COLOUR_OPTIONS = java.util.Set.of("couleur", "coloris", "finition", "toile",
            "teinte");

    private ProductIllustrations() {
    }

    /** The kind drawn for a category (the last name of its path), a plain box when unknown. */
    static Kind kindOf(String categoryPath) {
        if (categoryPath == null) {
            return Kind.BOX;
        }
        String leaf = categoryPath.substring(categoryPath.lastIndexOf('>') + 1).strip();
        return KINDS.getOrDefault(key(leaf), Kind.BOX);
    }

    /** Whether an option (by name) is a colour. */
    static boolean isColourOption(String optionName) {
        return COLOUR_OPTIONS.contains(key(optionName));
    }

    /** The colour of a colour value, or null when it is not known (the kind's usual colour is then used). */
    static Color colourOf(String value) {
        return value == null ? null : COLOURS.get(key(value));
    }

    /** The tint actually used for a kind and a colour value (null: the kind's usual colour). */
    static Color tint(Kind kind, String colourValue) {
        Color colour = colourOf(colourValue);
        return colour != null ? colour : DEFAULT_TINTS.getOrDefault(kind, DEFAULT_TINTS.get(Kind.BOX));
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'')
                .toLowerCase(Locale.ROOT).strip();
    }

    /** The illustration as a square opaque picture of {@code size} pixels. */
    static BufferedImage draw(Kind kind, Color tint, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            background(g, tint);
            new Painter(g, tint).paint(kind);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture encoded as a JPEG (illustrations are opaque; JPEG is small and fast to write). */
    static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void background(Graphics2D g, Color tint) {
        Color light = mix(tint, new Color(0xFAF8F3), 0.9);
        g.setPaint(new GradientPaint(0, 0, new Color(0xFCFBF8), 0, 100, light));
        g.fill(new Rectangle2D.Double(0, 0, 100, 100));
        g.setPaint(new Color(0, 0, 0, 28));
        g.fill(new Ellipse2D.Double(18, 84, 64, 8));
    }

    static Color mix(Color a, Color b, double share) {
        return new Color((int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
                (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
                (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
    }

    /** Draws one kind in the 100 × 100 space with a tint, its darker shade outlining each shape. */
    private static final class Painter {
        private final Graphics2D g;
        private final Color tint;
        private final Color shade;
        private final Color light;

        Painter(Graphics2D g, Color tint) {
            this.g = g;
            this.tint = tint;
            this.shade = mix(tint, Color.BLACK, 0.3);
            this.light = mix(tint, Color.WHITE, 0.35);
        }

        void fill(Shape shape, Color colour) {
            g.setColor(colour);
            g.fill(shape);
            g.setColor(mix(colour, Color.BLACK, 0.3));
            g.setStroke(new BasicStroke(0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }

        void line(double x1, double y1, double x2, double y2, double width, Color colour) {
            g.setColor(colour);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        void stroke(Shape shape, double width, Color colour) {
            g.setColor(colour);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }

        static Path2D poly(double... xy) {
            Path2D p = new Path2D.Double();
            p.moveTo(xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                p.lineTo(xy[i], xy[i + 1]);
            }
            p.closePath();
            return p;
        }

        static Ellipse2D circle(double cx, double cy, double r) {
            return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        }

        static RoundRectangle2D round(double x, double y, double w, double h, double r) {
            return new RoundRectangle2D.Double(x, y, w, h, r, r);
        }

        void leaves(double cx, double cy, double spread) {
            for (int i = -2; i <= 2; i++) {
                Path2D leaf = new Path2D.Double();
                double tipX = cx + i * spread * 0.45;
                double tipY = cy - spread * (1.1 - Math.abs(i) * 0.2);
                leaf.moveTo(cx, cy);
                leaf.quadTo(cx + i * spread * 0.4 - spread * 0.25, (cy + tipY) / 2, tipX, tipY);
                leaf.quadTo(cx + i * spread * 0.4 + spread * 0.25, (cy + tipY) / 2, cx, cy);
                fill(leaf, i % 2 == 0 ? LEAF : LEAF_DARK);
            }
        }

        void flowers(double cx, double cy, double spread, Color colour, int count) {
            for (int i = 0; i < count; i++) {
                double a = Math.PI * (0.15 + 0.7 * i / Math.max(1, count - 1));
                double x = cx - Math.cos(a) * spread;
                double y = cy - Math.sin(a) * spread * 0.8;
                for (int p = 0; p < 5; p++) {
                    double pa = p * 2 * Math.PI / 5;
                    fill(circle(x + Math.cos(pa) * 2.4, y + Math.sin(pa) * 2.4, 2.2), colour);
                }
                fill(circle(x, y, 1.6), new Color(0xF3C94B));
            }
        }

        void pot(double x, double top, double w, double h, Color colour) {
            fill(poly(x + w * 0.08, top + h * 0.18, x + w * 0.92, top + h * 0.18, x + w * 0.8, top + h, x + w * 0.2, top + h),
                    colour);
            fill(round(x, top, w, h * 0.2, 2), mix(colour, Color.WHITE, 0.12));
        }

        void paint(Kind kind) {
            switch (kind) {
                case POT -> {
                    leaves(50, 42, 18);
                    pot(24, 40, 52, 46, tint);
                }
                case TROUGH -> {
                    for (int i = 0; i < 3; i++) {
                        leaves(28 + i * 22, 52, 10);
                    }
                    fill(poly(12, 54, 88, 54, 82, 84, 18, 84), tint);
                    fill(round(10, 50, 80, 7, 2), light);
                }
                case SAUCER -> {
                    fill(new Ellipse2D.Double(16, 52, 68, 18), light);
                    fill(poly(16, 61, 84, 61, 78, 80, 22, 80), tint);
                    fill(new Ellipse2D.Double(16, 52, 68, 14), light);
                    fill(new Ellipse2D.Double(22, 55, 56, 9), mix(tint, Color.BLACK, 0.15));
                }
                case WATERING_CAN -> {
                    stroke(new Arc2D.Double(30, 22, 36, 40, 0, 180, Arc2D.OPEN), 4, shade);
                    line(64, 70, 88, 40, 5, tint);
                    fill(new Ellipse2D.Double(84, 34, 9, 9), light);
                    fill(round(26, 42, 42, 44, 8), tint);
                    fill(new Rectangle2D.Double(26, 52, 42, 5), light);
                }
                case HOSE -> {
                    for (int i = 0; i < 4; i++) {
                        stroke(new Ellipse2D.Double(22 + i * 3, 30 + i * 3, 56 - i * 6, 50 - i * 6), 4.5, i % 2 == 0 ? tint : shade);
                    }
                    line(76, 60, 90, 74, 4.5, tint);
                    fill(round(86, 70, 8, 10, 2), new Color(0xE8B04A));
                }
                case NOZZLE -> {
                    fill(poly(30, 40, 78, 34, 80, 46, 34, 50), tint);
                    fill(poly(36, 48, 48, 48, 44, 82, 32, 82), shade);
                    fill(round(76, 32, 12, 16, 3), new Color(0xE8B04A));
                    stroke(new Arc2D.Double(44, 46, 18, 22, 180, 180, Arc2D.OPEN), 2.5, shade);
                }
                case TANK, COMPOSTER -> {
                    fill(round(28, 24, 44, 62, 12), tint);
                    for (int i = 0; i < 3; i++) {
                        fill(new Rectangle2D.Double(28, 36 + i * 16, 44, 3), shade);
                    }
                    fill(new Ellipse2D.Double(30, 20, 40, 10), light);
                    if (kind == Kind.TANK) {
                        fill(round(70, 72, 10, 5, 2), new Color(0xC9A14A));
                    } else {
                        fill(round(42, 74, 16, 8, 2), shade);
                    }
                }
                case SPADE -> {
                    line(50, 10, 50, 58, 4.5, WOOD);
                    fill(round(42, 8, 16, 5, 3), WOOD);
                    fill(poly(38, 56, 62, 56, 62, 80, 50, 90, 38, 80), tint);
                }
                case RAKE -> {
                    line(50, 8, 50, 66, 4, WOOD);
                    fill(round(24, 64, 52, 6, 2), tint);
                    for (int i = 0; i < 9; i++) {
                        line(27 + i * 5.75, 70, 27 + i * 5.75, 82, 2, tint);
                    }
                }
                case SHEARS -> {
                    fill(poly(50, 50, 30, 90, 24, 86, 44, 48), tint);
                    fill(poly(50, 50, 70, 90, 76, 86, 56, 48), tint);
                    fill(poly(44, 52, 38, 14, 46, 20, 52, 50), STEEL);
                    fill(poly(56, 52, 62, 16, 55, 20, 48, 50), mix(STEEL, Color.WHITE, 0.2));
                    fill(circle(50, 50, 3.5), shade);
                }
                case SAW -> {
                    Path2D blade = poly(20, 44, 80, 34, 86, 42, 24, 54);
                    fill(blade, STEEL);
                    for (int i = 0; i < 10; i++) {
                        double x = 26 + i * 6;
                        fill(poly(x, 53 - i, x + 3, 57 - i, x + 6, 52 - i), STEEL);
                    }
                    fill(round(8, 44, 18, 26, 6), tint);
                }
                case WHEELBARROW -> {
                    line(20, 52, 8, 44, 3, WOOD);
                    line(24, 70, 18, 84, 3, shade);
                    fill(poly(18, 40, 84, 40, 70, 66, 30, 66), tint);
                    fill(round(16, 38, 70, 5, 2), light);
                    fill(circle(74, 76, 10), new Color(0x2B2B2B));
                    fill(circle(74, 76, 4), STEEL);
                }
                case MOWER -> {
                    line(30, 56, 14, 18, 3.5, new Color(0x3A3A3A));
                    line(14, 18, 26, 16, 3.5, new Color(0x3A3A3A));
                    fill(round(24, 52, 58, 24, 10), tint);
                    fill(round(46, 46, 22, 10, 4), shade);
                    fill(circle(32, 80, 8), new Color(0x2B2B2B));
                    fill(circle(74, 80, 8), new Color(0x2B2B2B));
                }
                case TRIMMER -> {
                    line(12, 70, 84, 28, 3.5, new Color(0x3A3A3A));
                    fill(round(20, 56, 28, 16, 6), tint);
                    fill(poly(62, 36, 92, 18, 96, 24, 66, 44), STEEL);
                    fill(round(54, 36, 16, 12, 4), shade);
                }
                case PLANT, ROSE -> {
                    fill(circle(50, 44, 20), LEAF);
                    fill(circle(36, 50, 13), LEAF_DARK);
                    fill(circle(64, 50, 13), LEAF_DARK);
                    flowers(50, 50, 20, tint, kind == Kind.ROSE ? 5 : 6);
                    pot(32, 62, 36, 26, TERRACOTTA);
                }
                case HERB -> {
                    leaves(40, 62, 16);
                    leaves(60, 62, 14);
                    pot(30, 60, 40, 28, TERRACOTTA);
                }
                case TREE -> {
                    fill(poly(46, 88, 54, 88, 53, 50, 47, 50), WOOD);
                    fill(circle(50, 36, 24), LEAF);
                    fill(circle(36, 44, 13), LEAF_DARK);
                    fill(circle(64, 42, 13), LEAF_DARK);
                    double[][] fruits = {{40, 30}, {58, 26}, {64, 44}, {36, 46}, {50, 44}};
                    for (double[] f : fruits) {
                        fill(circle(f[0], f[1], 3.6), tint);
                    }
                }
                case BULB -> {
                    for (int i = 0; i < 3; i++) {
                        double x = 30 + i * 20;
                        line(x, 66, x, 30, 2.2, LEAF);
                        fill(poly(x - 7, 26, x - 3, 34, x, 26, x + 3, 34, x + 7, 26, x + 6, 38, x - 6, 38), tint);
                        fill(new Ellipse2D.Double(x - 8, 66, 16, 18), new Color(0xC9A57A));
                    }
                }
                case SEED_PACKET -> {
                    Path2D packet = new Path2D.Double();
                    packet.moveTo(26, 18);
                    for (int i = 0; i < 12; i++) {
                        packet.lineTo(26 + i * 4 + 2, i % 2 == 0 ? 15 : 18);
                    }
                    packet.lineTo(74, 18);
                    packet.lineTo(74, 86);
                    packet.lineTo(26, 86);
                    packet.closePath();
                    fill(packet, new Color(0xF5EFDF));
                    fill(new Rectangle2D.Double(26, 22, 48, 10), tint);
                    fill(circle(50, 56, 17), light);
                    leaves(50, 66, 10);
                    fill(circle(50, 48, 5), tint);
                    fill(new Rectangle2D.Double(26, 78, 48, 8), tint);
                }
                case SACK -> {
                    Path2D sack = new Path2D.Double();
                    sack.moveTo(28, 22);
                    sack.quadTo(50, 16, 72, 22);
                    sack.lineTo(78, 84);
                    sack.quadTo(50, 90, 22, 84);
                    sack.closePath();
                    fill(sack, new Color(0xE9E0CC));
                    fill(new Rectangle2D.Double(25, 40, 50, 24), tint);
                    leaves(50, 60, 10);
                    fill(new Rectangle2D.Double(30, 22, 40, 5), shade);
                }
                case BOTTLE -> {
                    fill(round(34, 40, 32, 48, 10), tint);
                    fill(round(42, 28, 16, 14, 3), light);
                    fill(poly(44, 28, 66, 22, 68, 28, 56, 30), new Color(0x3A3A3A));
                    fill(round(38, 54, 24, 18, 4), new Color(0xF5EFDF));
                    leaves(50, 70, 6);
                }
                case ROLL -> {
                    fill(round(20, 40, 60, 28, 6), tint);
                    for (int i = 0; i < 7; i++) {
                        line(26 + i * 8, 42, 26 + i * 8, 66, 0.8, shade);
                    }
                    fill(new Ellipse2D.Double(72, 40, 14, 28), light);
                    fill(new Ellipse2D.Double(76, 50, 6, 8), shade);
                }
                case TABLE -> {
                    fill(new Ellipse2D.Double(14, 36, 72, 16), tint);
                    line(28, 48, 22, 86, 3.5, shade);
                    line(72, 48, 78, 86, 3.5, shade);
                    line(44, 50, 42, 84, 3, shade);
                    line(56, 50, 58, 84, 3, shade);
                }
                case CHAIR -> {
                    fill(round(30, 20, 40, 34, 6), tint);
                    for (int i = 0; i < 4; i++) {
                        fill(new Rectangle2D.Double(35, 26 + i * 7, 30, 3), light);
                    }
                    fill(round(28, 54, 44, 8, 3), tint);
                    line(32, 62, 28, 88, 3, shade);
                    line(68, 62, 72, 88, 3, shade);
                }
                case LOUNGER -> {
                    fill(poly(12, 64, 62, 64, 84, 34, 90, 38, 68, 70, 14, 70), tint);
                    line(20, 70, 18, 84, 3, shade);
                    line(62, 70, 64, 84, 3, shade);
                    fill(round(72, 34, 14, 7, 3), light);
                }
                case PARASOL -> {
                    line(50, 24, 50, 88, 2.5, WOOD);
                    Path2D canopy = new Path2D.Double();
                    canopy.moveTo(12, 44);
                    canopy.quadTo(50, 4, 88, 44);
                    for (int i = 4; i >= 0; i--) {
                        canopy.quadTo(12 + i * 19 + 9.5, 38, 12 + i * 19, 44);
                    }
                    canopy.closePath();
                    fill(canopy, tint);
                    fill(round(38, 84, 24, 5, 2), shade);
                }
                case LAMP -> {
                    g.setPaint(new java.awt.RadialGradientPaint(50f, 34f, 26f, new float[] {0f, 1f},
                            new Color[] {new Color(255, 225, 120, 150), new Color(255, 225, 120, 0)}));
                    g.fill(circle(50, 34, 26));
                    line(50, 44, 50, 86, 4, tint);
                    fill(round(40, 24, 20, 20, 4), new Color(0xFBE7A0));
                    fill(poly(36, 24, 64, 24, 58, 16, 42, 16), tint);
                    fill(new Rectangle2D.Double(40, 14, 20, 3), new Color(0x2E4A6B));
                }
                case BIRDHOUSE -> {
                    line(50, 60, 50, 90, 4, WOOD);
                    fill(round(32, 34, 36, 32, 3), tint);
                    fill(poly(26, 38, 50, 16, 74, 38), shade);
                    fill(circle(50, 48, 6), new Color(0x2B2118));
                    line(50, 58, 50, 62, 2, SOIL);
                }
                case GLOVE -> {
                    Path2D glove = new Path2D.Double();
                    glove.moveTo(34, 86);
                    glove.lineTo(32, 52);
                    glove.quadTo(20, 44, 24, 38);
                    glove.quadTo(30, 36, 36, 44);
                    glove.lineTo(36, 22);
                    glove.quadTo(40, 18, 43, 22);
                    glove.lineTo(44, 40);
                    glove.lineTo(46, 16);
                    glove.quadTo(50, 12, 53, 16);
                    glove.lineTo(53, 40);
                    glove.lineTo(56, 19);
                    glove.quadTo(60, 16, 62, 20);
                    glove.lineTo(61, 42);
                    glove.lineTo(65, 26);
                    glove.quadTo(69, 24, 70, 28);
                    glove.lineTo(66, 60);
                    glove.lineTo(64, 86);
                    glove.closePath();
                    fill(glove, tint);
                    fill(new Rectangle2D.Double(33, 74, 32, 12), light);
                }
                case BOOT -> {
                    fill(poly(30, 16, 56, 16, 56, 64, 82, 70, 84, 86, 28, 86), tint);
                    fill(new Rectangle2D.Double(28, 80, 56, 6), shade);
                    fill(new Rectangle2D.Double(30, 16, 26, 6), light);
                }
                case APRON -> {
                    Path2D apron = poly(36, 20, 64, 20, 64, 38, 76, 44, 72, 88, 28, 88, 24, 44, 36, 38);
                    fill(apron, tint);
                    fill(round(38, 56, 24, 14, 3), light);
                    stroke(new Arc2D.Double(36, 6, 28, 28, 0, 180, Arc2D.OPEN), 2, shade);
                }
                case GREENHOUSE -> {
                    Path2D house = poly(16, 86, 16, 44, 50, 18, 84, 44, 84, 86);
                    g.setColor(mix(tint, Color.WHITE, 0.3));
                    g.fill(house);
                    stroke(house, 2.5, new Color(0x6E7B83));
                    for (int i = 1; i < 4; i++) {
                        line(16 + i * 17, 86, 16 + i * 17, 44 - (i == 2 ? 26 : 13), 1.5, new Color(0x6E7B83));
                    }
                    line(16, 60, 84, 60, 1.5, new Color(0x6E7B83));
                    leaves(33, 84, 8);
                    leaves(67, 84, 8);
                }
                case SHED -> {
                    fill(new Rectangle2D.Double(20, 44, 60, 42), tint);
                    for (int i = 0; i < 6; i++) {
                        line(20, 50 + i * 6, 80, 50 + i * 6, 0.8, shade);
                    }
                    fill(poly(14, 46, 50, 20, 86, 46), new Color(0x5A4A42));
                    fill(new Rectangle2D.Double(42, 60, 16, 26), shade);
                }
                case BOX -> {
                    fill(poly(20, 40, 50, 28, 80, 40, 80, 76, 50, 88, 20, 76), tint);
                    fill(poly(20, 40, 50, 52, 80, 40, 50, 28), light);
                    line(50, 52, 50, 88, 1, shade);
                }
            }
        }
    }
}
