package app.comptoir.inspections;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

/** A registration document (carte grise) drawn by the test, as a phone photographs it: labels in a column, values beside. */
public final class RegistrationDocuments {

    private RegistrationDocuments() {
    }

    /** The document with these fields (label to value, in order) as a PNG. */
    public static byte[] png(Map<String, String> printed) {
        BufferedImage image = new BufferedImage(1600, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("CERTIFICAT D'IMMATRICULATION", 80, 90);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 38));
        int y = 190;
        for (Map.Entry<String, String> field : printed.entrySet()) {
            g.drawString(field.getKey(), 80, y);
            g.drawString(field.getValue(), 260, y);
            y += 110;
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
