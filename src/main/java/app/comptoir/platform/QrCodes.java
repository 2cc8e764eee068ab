package app.comptoir.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as PNG images (ZXing), for a phone to open a link: the customer's link on the booking confirmation page,
 * the verification address printed on an inspection certificate.
 *
 * <p>About one code in a hundred and fifty, ZXing's own reader fails to find the finder patterns of a perfect image
 * (a pattern of the data looks like one). Each image is therefore read back before it is served; one that does not
 * read is drawn again at the next error-correction level, which lays out different modules.
 */
public final class QrCodes {

    private static final List<ErrorCorrectionLevel> LEVELS = List.of(ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q,
            ErrorCorrectionLevel.H, ErrorCorrectionLevel.L);

    private QrCodes() {
    }

    /**
     * The text as a square QR code of about {@code size} pixels, with the 4-module quiet zone of the standard, error
     * correction M unless that image does not read back.
     */
    public static byte[] png(String text, int size) {
        BufferedImage first = null;
        for (ErrorCorrectionLevel level : LEVELS) {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix(text, size, level));
            if (first == null) {
                first = image;
            }
            if (text.equals(readBack(image))) {
                return encode(image);
            }
        }
        return encode(first);
    }

    private static BitMatrix matrix(String text, int size, ErrorCorrectionLevel level) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code", e);
        }
    }

    /** What ZXing's reader finds in the image, or null. */
    static String readBack(BufferedImage image) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
