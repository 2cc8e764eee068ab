package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A refund given on a subject: the total, and its parts, one per payment given back (an online payment through its
 * provider, an on-site one recorded as cash given back).
 */
public record RefundView(UUID requestId, PaymentSubject subject, BigDecimal amount, String currency, String reason,
                         Instant at, List<Part> parts) {

    /** The part of a refund taken from one payment. */
    public record Part(UUID refundId, UUID paymentId, PaymentMethod method, BigDecimal amount, RefundStatus status) {
    }
}
