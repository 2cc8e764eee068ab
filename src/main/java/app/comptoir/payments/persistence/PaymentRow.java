package app.comptoir.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentView;

/** A stored payment with what was refunded of it (refunds pending or succeeded). */
public record PaymentRow(UUID id, PaymentSubject subject, PaymentMethod method, String provider, PaymentStatus status,
                         BigDecimal amount, String currency, String reference, String note, String sessionId,
                         String providerPaymentId, String checkoutUrl, String description, String customerEmail,
                         String successUrl, String cancelUrl, Instant expiresAt, Instant paidAt, String failureReason,
                         boolean testMode, String idempotencyKey, String requestHash, Instant createdAt,
                         UUID createdBy, BigDecimal refunded) {

    /** The provider of payments recorded by staff. */
    public static final String ON_SITE = "on-site";

    /** The payment as the published API shows it. */
    public PaymentView view() {
        return new PaymentView(id, subject, method, provider, amount, currency, status, reference, note, refunded,
                createdAt, paidAt, createdBy);
    }

    /** What may still be refunded from it (a succeeded payment's amount less its refunds). */
    public BigDecimal refundable() {
        return status == PaymentStatus.SUCCEEDED ? amount.subtract(refunded).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }
}
