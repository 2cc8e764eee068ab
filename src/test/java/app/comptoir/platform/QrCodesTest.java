package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class QrCodesTest {

    /**
     * Customer links like the booking page's: with error correction M alone, ZXing's reader misses about one in a
     * hundred and fifty of them, so five hundred links without the read-back would almost surely hold one that fails.
     */
    @Test
    void everyLinkReadsBackFromItsImage() throws Exception {
        Random random = new Random(20261207L);
        for (int i = 0; i < 500; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String link = "http://localhost:" + (30000 + random.nextInt(30000)) + "/book/centre-"
                    + Integer.toHexString(random.nextInt()) + "/manage/"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            byte[] png = QrCodes.png(link, 240);
            assertThat(QrCodes.readBack(ImageIO.read(new ByteArrayInputStream(png)))).as(link).isEqualTo(link);
        }
    }
}
