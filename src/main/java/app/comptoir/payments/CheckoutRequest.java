package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An online payment to start: the amount in the business's currency, what the customer sees it is for, their
 * e-mail (optional), where the provider sends them back after paying or giving up, and when the offer ends
 * (optional; Stripe accepts 30 minutes to 24 hours from now, so the time is brought into that range).
 */
public record CheckoutRequest(BigDecimal amount, String description, String customerEmail, String successUrl,
                              String cancelUrl, Instant expiresAt) {
}
