package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import org.junit.jupiter.api.Test;

/** RFC 8291's worked example (Appendix A), and what a browser can and cannot read. */
class PushEncryptionTest {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLoc"
            + "InmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLV"
            + "WGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void encryptingTheRfcExampleGivesTheRfcMessage() {
        KeyPair server = new KeyPair(P256.publicKey(P256.fromBase64Url(AS_PUBLIC)),
                P256.privateKey(P256.fromBase64Url(AS_PRIVATE)));
        byte[] body = PushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII),
                P256.publicKey(P256.fromBase64Url(UA_PUBLIC)), P256.fromBase64Url(AUTH), server,
                P256.fromBase64Url(SALT));
        assertThat(P256.base64Url(body)).isEqualTo(BODY);
    }

    @Test
    void theBrowserOfTheRfcExampleReadsItsMessage() {
        byte[] plain = PushEncryption.decrypt(P256.fromBase64Url(BODY), P256.privateKey(P256.fromBase64Url(UA_PRIVATE)),
                P256.publicKey(P256.fromBase64Url(UA_PUBLIC)), P256.fromBase64Url(AUTH));
        assertThat(new String(plain, StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void onlyTheSubscribedBrowserWithItsSecretReadsAMessage() {
        KeyPair browser = P256.generate();
        KeyPair other = P256.generate();
        byte[] auth = new byte[16];
        auth[0] = 7;
        byte[] body = PushEncryption.encrypt("{\"title\":\"Commande créée\"}".getBytes(StandardCharsets.UTF_8),
                (ECPublicKey) browser.getPublic(), auth);
        assertThat(new String(PushEncryption.decrypt(body, (ECPrivateKey) browser.getPrivate(),
                (ECPublicKey) browser.getPublic(), auth), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Commande créée\"}");
        assertThatThrownBy(() -> PushEncryption.decrypt(body, (ECPrivateKey) other.getPrivate(),
                (ECPublicKey) other.getPublic(), auth)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushEncryption.decrypt(body, (ECPrivateKey) browser.getPrivate(),
                (ECPublicKey) browser.getPublic(), new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMessageHasItsOwnSaltAndServerKey() {
        KeyPair browser = P256.generate();
        byte[] auth = new byte[16];
        byte[] first = PushEncryption.encrypt(new byte[] {1}, (ECPublicKey) browser.getPublic(), auth);
        byte[] second = PushEncryption.encrypt(new byte[] {1}, (ECPublicKey) browser.getPublic(), auth);
        assertThat(java.util.Arrays.copyOf(first, 86)).isNotEqualTo(java.util.Arrays.copyOf(second, 86));
    }

    @Test
    void aPayloadOverOneRecordIsRefused() {
        KeyPair browser = P256.generate();
        assertThatThrownBy(() -> PushEncryption.encrypt(new byte[PushEncryption.MAX_PAYLOAD + 1],
                (ECPublicKey) browser.getPublic(), new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyThatIsNotAPointOfTheCurveIsRefused() {
        byte[] point = P256.fromBase64Url(UA_PUBLIC);
        point[64] ^= 1;
        assertThatThrownBy(() -> P256.publicKey(point)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
