package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The VAPID header (RFC 8292): a JWT for the push service's origin, signed ES256, and the public key. */
class VapidKeyPairTest {

    private static final Pattern HEADER = Pattern.compile("vapid t=([^.]+)\\.([^.]+)\\.([^,]+), k=(.+)");

    @Test
    void theTokenNamesThePushServiceOriginAndVerifiesWithThePublicKey() throws Exception {
        VapidKeyPair keys = VapidKeyPair.generate();
        Instant expiry = Instant.parse("2026-12-06T12:00:00Z");
        String header = keys.authorization(URI.create("https://fcm.googleapis.com:443/fcm/send/abc?x=1"),
                "mailto:ops@example.com", expiry);
        Matcher m = HEADER.matcher(header);
        assertThat(m.matches()).isTrue();
        assertThat(m.group(4)).isEqualTo(keys.publicKeyText());
        assertThat(new String(P256.fromBase64Url(m.group(2)), StandardCharsets.UTF_8))
                .isEqualTo("{\"aud\":\"https://fcm.googleapis.com:443\",\"exp\":" + expiry.getEpochSecond()
                        + ",\"sub\":\"mailto:ops@example.com\"}");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(P256.publicKey(P256.fromBase64Url(m.group(4))));
        verifier.update((m.group(1) + "." + m.group(2)).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(P256.fromBase64Url(m.group(3)))).isTrue();
    }

    @Test
    void aStoredPairReadsBackAndAMismatchedOneIsRefused() {
        VapidKeyPair keys = VapidKeyPair.generate();
        VapidKeyPair again = VapidKeyPair.of(keys.publicKeyText(), keys.privateKeyText());
        assertThat(again.publicKeyText()).isEqualTo(keys.publicKeyText());
        assertThat(again.toString()).doesNotContain(keys.privateKeyText());
        assertThatThrownBy(() -> VapidKeyPair.of(keys.publicKeyText(), VapidKeyPair.generate().privateKeyText()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
