package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"order.created\"}";

    @Test
    void theHeaderCarriesTheTimestampAndTheHmacOfTimestampDotBody() {
        String header = WebhookSignature.header(SECRET, AT, BODY);

        // Computed independently: printf '1796464800.<body>' | openssl dgst -sha256 -hmac whsec_0123456789abcdef
        assertThat(header).isEqualTo("t=1796464800,v1=6dff87586db7c18ad9b257bfd3dd4d70939003f578efa2ccb9d4f96c39697ded");
    }

    @Test
    void aReceiverAcceptsTheSignatureOfTheSameBodyWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(299), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void aChangedBodyAnotherSecretOrAnOldTimestampIsRefused() {
        String header = WebhookSignature.header(SECRET, AT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", AT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, AT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, AT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, AT, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void secretsAreGeneratedWithTheirPrefixAndNeverTwiceTheSame() {
        String one = WebhookSecrets.generate();

        assertThat(one).startsWith("whsec_").hasSize(6 + 64);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(one);
    }
}
