package app.comptoir.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.RefundStatus;

/** A stored refund (one part of a refund request, from one payment), with its payment's method and provider ids. */
public record RefundRow(UUID id, UUID paymentId, UUID requestId, PaymentMethod method, String provider,
                        String providerPaymentId, BigDecimal amount, String currency, RefundStatus status,
                        String reason, String providerRefundId, String requestHash, Instant refundedAt) {
}
