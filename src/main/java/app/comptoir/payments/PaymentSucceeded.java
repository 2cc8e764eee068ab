package app.comptoir.payments;

import java.math.BigDecimal;
import java.util.UUID;

/** A payment succeeded: recorded on site, or confirmed by the online provider's webhook. Published after commit. */
public record PaymentSucceeded(UUID tenantId, UUID paymentId, PaymentSubject subject, BigDecimal amount,
                               String currency, PaymentMethod method) {
}
