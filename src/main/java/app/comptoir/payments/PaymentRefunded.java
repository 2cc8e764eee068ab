package app.comptoir.payments;

import java.math.BigDecimal;
import java.util.UUID;

/** Part or all of a payment was given back (one event per payment refunded). Published after commit. */
public record PaymentRefunded(UUID tenantId, UUID paymentId, PaymentSubject subject, BigDecimal amount,
                              String currency) {
}
