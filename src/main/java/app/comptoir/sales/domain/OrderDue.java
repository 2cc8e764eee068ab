package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.util.Optional;

import app.comptoir.sales.OrderStatus;

/**
 * "What an order owes": nothing yet while it is a draft (the customer has not agreed to it), its total VAT
 * included less what its returns credited once confirmed (and whatever comes after), and nothing once cancelled.
 * Sales tells payments this amount whenever it changes: at confirmation, at cancellation and at each return (a
 * confirmed order's lines and fee no longer change, see {@link LinesChangeOnlyInDraft}).
 */
public final class OrderDue {

    private OrderDue() {
    }

    /** What the order owes in this status; empty for a draft, which owes nothing yet. */
    public static Optional<BigDecimal> of(OrderStatus status, BigDecimal gross, BigDecimal refunded) {
        if (status == OrderStatus.DRAFT) {
            return Optional.empty();
        }
        if (status == OrderStatus.CANCELLED) {
            return Optional.of(BigDecimal.ZERO);
        }
        BigDecimal credited = refunded == null ? BigDecimal.ZERO : refunded;
        return Optional.of(gross.subtract(credited).max(BigDecimal.ZERO));
    }
}
