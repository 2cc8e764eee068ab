package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class FileFormatTest {

    @Test
    void picturesAndPdfsAreRecognisedFromTheirBytesWhateverTheirName() throws IOException {
        assertThat(FileFormat.sniff(encode("png"))).isEqualTo(FileFormat.PNG);
        assertThat(FileFormat.sniff(encode("jpg"))).isEqualTo(FileFormat.JPEG);
        assertThat(FileFormat.sniff("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(FileFormat.PDF);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FileFormat.sniff(webp)).isEqualTo(FileFormat.WEBP);
        assertThat(FileFormat.WEBP.image()).isTrue();
        assertThat(FileFormat.PDF.image()).isFalse();
        assertThat(FileFormat.PDF.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void somethingElseOrTooShortIsNoFormat() {
        assertThat(FileFormat.sniff("<html><body>photo.jpg</body></html>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(FileFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(FileFormat.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(FileFormat.sniff(new byte[0])).isNull();
        assertThat(FileFormat.sniff(null)).isNull();
    }

    @Test
    void aFormatOutsideTheAcceptedOnesIsRefused() throws IOException {
        byte[] png = encode("png");
        assertThat(FileFormat.sniff(png, FileFormat.JPEG, FileFormat.PNG)).isEqualTo(FileFormat.PNG);
        assertThat(FileFormat.sniff(png, FileFormat.JPEG, FileFormat.PDF)).isNull();
    }

    private static byte[] encode(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
