package app.comptoir.payments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.comptoir.payments.PaymentMethod;

/**
 * How a refund on a subject is taken from its payments: from the most recent succeeded payment first, each giving
 * at most what is left of it (its amount less what was already refunded from it), until the amount is reached.
 * The amount was checked against the total kept, so the parts always add up to it.
 */
public final class RefundAllocation {

    /** A succeeded payment and what may still be refunded from it. */
    public record Refundable(UUID paymentId, PaymentMethod method, BigDecimal left, Instant paidAt) {
    }

    /** What one payment gives back. */
    public record Part(UUID paymentId, PaymentMethod method, BigDecimal amount) {
    }

    private RefundAllocation() {
    }

    /** The parts of a refund of {@code amount} over the payments (most recent first). */
    public static List<Part> split(BigDecimal amount, List<Refundable> payments) {
        List<Refundable> newestFirst = new ArrayList<>(payments);
        newestFirst.sort(Comparator.comparing(Refundable::paidAt).thenComparing(Refundable::paymentId).reversed());
        List<Part> parts = new ArrayList<>();
        BigDecimal rest = amount;
        for (Refundable payment : newestFirst) {
            if (rest.signum() <= 0) {
                break;
            }
            if (payment.left().signum() <= 0) {
                continue;
            }
            BigDecimal taken = payment.left().min(rest);
            parts.add(new Part(payment.paymentId(), payment.method(), taken));
            rest = rest.subtract(taken);
        }
        if (rest.signum() > 0) {
            throw new IllegalArgumentException("The payments hold " + amount.subtract(rest) + " to refund, not " + amount);
        }
        return parts;
    }
}
