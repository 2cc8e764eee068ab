package app.comptoir.inspections.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.comptoir.inspections.domain.RegistrationReading.Field;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;

/**
 * The scan with the real Tesseract (Debian's tesseract-ocr and tesseract-ocr-fra, installed by {@code .ci/run}) on
 * registration documents drawn by the test: a phone-like photo (PNG, JPEG), a PDF, a blank page. Every field is read
 * back with its value and a confidence above what was measured here, less a margin. Without Tesseract the tests fail
 * and say what to install: they never skip.
 */
class RegistrationScannerTest {

    /** The document's fields as printed: label, value. */
    private static final Map<String, String> PRINTED = new LinkedHashMap<>();
    /** What the scan proposes for each: code, value. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        PRINTED.put("A", "AB-123-CD");
        PRINTED.put("B", "15/03/2019");
        PRINTED.put("C.1", "DUPONT JEAN");
        PRINTED.put("D.1", "RENAULT");
        PRINTED.put("D.3", "CLIO");
        PRINTED.put("E", "VF1RJA00123456789");
        PRINTED.put("J", "M1");
        PRINTED.put("P.3", "GO");
        EXPECTED.putAll(PRINTED);
        EXPECTED.put("B", "2019-03-15");
    }

    /** Measured on Debian 12's Tesseract 5.3 (fra+eng, page segmentation 4): 0.81 (the VIN) to 0.97; a margin below. */
    private static final double MIN_CONFIDENCE = 0.7;

    private static RegistrationScanner scanner;

    @BeforeAll
    static void tesseract() {
        scanner = new RegistrationScanner(new OcrSettings("/usr/share/tesseract-ocr/5/tessdata", "fra+eng", 4, 2,
                Duration.ofSeconds(20)), null);
        assertThat(scanner.unavailableReason())
                .as("Tesseract must be installed for these tests: apt-get install tesseract-ocr tesseract-ocr-fra")
                .isNull();
    }

    @Test
    void aPhotoOfTheDocumentGivesEveryFieldWithItsValueAndAConfidence() throws IOException {
        RegistrationScanner.Scan scan = scanner.read(png(document(true)));

        assertEveryField(scan, "PNG");
        assertThat(scan.text()).contains("RENAULT", "CERTIFICAT");
    }

    @Test
    void aJpegPhotoIsReadToo() throws IOException {
        // at the quality a phone's camera writes (its artefacts are the noise here: with the specks too, one label in
        // eight is misread, which the inspector would type)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.92f);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(document(false), null, null), quality);
        } finally {
            writer.dispose();
        }

        assertEveryField(scanner.read(out.toByteArray()), "JPEG");
    }

    @Test
    void aPdfIsReadFromItsFirstPage() throws IOException {
        assertEveryField(scanner.read(pdf()), "PDF");
    }

    @Test
    void aBlankPageGivesNoFieldAndNoError() throws IOException {
        BufferedImage blank = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 800);
        g.dispose();

        RegistrationScanner.Scan scan = scanner.read(png(blank));

        assertThat(scan.fields()).isEmpty();
        assertThat(scan.text()).isEmpty();
    }

    @Test
    void whatIsNeitherAPhotoNorAPdfIsRefusedBeforeAnyReading() {
        assertThatThrownBy(() -> scanner.read(new byte[0])).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> scanner.read("sku;name\n".getBytes())).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).status().value()).isEqualTo(415);
        assertThatThrownBy(() -> scanner.read(new byte[10 * 1024 * 1024 + 1]))
                .extracting(e -> ((ComptoirException) e).status().value()).isEqualTo(413);
        // a PNG's signature on garbage: 400, not 500
        byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        assertThatThrownBy(() -> scanner.read(broken)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> scanner.read("%PDF-1.7 nothing".getBytes())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void withoutTheLanguageDataTheScannerSaysItIsUnavailable() throws IOException {
        RegistrationScanner missing = new RegistrationScanner(new OcrSettings("/nonexistent/tessdata", "fra", 4, 1,
                Duration.ofSeconds(1)), null);

        assertThat(missing.available()).isFalse();
        assertThat(missing.unavailableReason()).contains("fra.traineddata");
        assertThatThrownBy(() -> missing.read(png(document(false)))).isInstanceOf(OcrUnavailableException.class)
                .hasMessageStartingWith("OCR unavailable: type the fields");
    }

    private static void assertEveryField(RegistrationScanner.Scan scan, String what) {
        Map<String, Field> byCode = new LinkedHashMap<>();
        scan.fields().forEach(f -> byCode.put(f.code(), f));
        StringBuilder measured = new StringBuilder(what + " confidences:");
        byCode.values().forEach(f -> measured.append(' ').append(f.code()).append('=').append(f.confidence()));
        System.out.println(measured);
        assertThat(byCode.keySet()).as(scan.text()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((code, value) -> {
            Field field = byCode.get(code);
            assertThat(field.value()).as(code + " in " + what).isEqualTo(value);
            assertThat(field.valid()).as(code).isTrue();
            assertThat(field.confidence()).as(code + " confidence in " + what).isGreaterThan(MIN_CONFIDENCE);
        });
    }

    /** A registration document as a phone would see it: labels in a column, values beside, a title, some specks. */
    private static BufferedImage document(boolean noise) {
        BufferedImage image = new BufferedImage(1600, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250, 248, 242));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("CERTIFICAT D'IMMATRICULATION", 80, 90);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 38));
        int y = 190;
        for (Map.Entry<String, String> field : PRINTED.entrySet()) {
            g.drawString(field.getKey(), 80, y);
            g.drawString(field.getValue(), 260, y);
            y += 110;
        }
        if (noise) {
            // a phone's grain: light specks that a threshold drops, and a faint grey stain
            Random random = new Random(20);
            for (int i = 0; i < 3000; i++) {
                int grey = 190 + random.nextInt(50);
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), 2, 2);
            }
            g.setColor(new Color(0, 0, 0, 12));
            g.fillOval(900, 500, 500, 400);
        }
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            pdf.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                float top = page.getMediaBox().getHeight() - 50;
                write(text, bold, 12, 30, top, "CERTIFICAT D'IMMATRICULATION");
                float y = top - 40;
                for (Map.Entry<String, String> field : PRINTED.entrySet()) {
                    write(text, plain, 11, 30, y, field.getKey());
                    write(text, plain, 11, 90, y, field.getValue());
                    y -= 28;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void write(PDPageContentStream text, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(s);
        text.endText();
    }
}
