package app.comptoir.payments.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code comptoir.payments.*} (see docs/operator-guide.md): the key that encrypts the businesses'
 * provider keys (blank: one generated in the data directory) and the keys it replaced, which still open what they
 * sealed; and where Stripe's API is (a local fake in tests) with the age a webhook may have.
 */
@ConfigurationProperties("comptoir.payments")
public record PaymentsSettings(String encryptionKey, @DefaultValue List<String> previousEncryptionKeys,
                               @DefaultValue Stripe stripe) {

    /** Stripe: the API's base address and the tolerance on a webhook signature's time stamp. */
    public record Stripe(@DefaultValue("https://api.stripe.com") String apiBase,
                         @DefaultValue("300s") Duration webhookTolerance,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("30s") Duration readTimeout,
                         @DefaultValue("2") int maxNetworkRetries) {
    }
}
