package app.comptoir.payments;

import java.time.Instant;
import java.util.UUID;

/** An online payment started: its id, the provider's page to send the customer to, and when that page expires. */
public record OnlineCheckout(UUID paymentId, String redirectUrl, Instant expiresAt)
        implements java.io.Serializable {
}
