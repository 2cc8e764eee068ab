package app.comptoir.payments.provider;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's checkout as it stands: its id, the page to send the customer to, its expiry, its state, the
 * provider's payment id once there is one (what refunds point at) and the amount paid once paid.
 */
public record ProviderCheckout(String sessionId, String url, Instant expiresAt, State state, String providerPaymentId,
                               BigDecimal amountPaid) {

    /** Open (not paid yet), paid, expired, or failed (an asynchronous payment that did not go through). */
    public enum State {
        OPEN, PAID, EXPIRED, FAILED
    }
}
