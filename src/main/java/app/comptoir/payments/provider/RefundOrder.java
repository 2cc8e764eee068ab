package app.comptoir.payments.provider;

import java.math.BigDecimal;
import java.util.UUID;

/** A refund to make: for which business, refund and payment (and its id at the provider), how much, why. */
public record RefundOrder(UUID tenantId, UUID refundId, UUID paymentId, String providerPaymentId, BigDecimal amount,
                          String currency, String reason) {
}
