package app.comptoir.purchasing.domain;

import java.util.List;

/**
 * Where a purchase order stands: {@code DRAFT → SENT → CONFIRMED → SHIPPED → DELIVERED}, and {@code CANCELLED}
 * from a draft or a sent order. Receipts may also complete an order (→ DELIVERED) from SENT, CONFIRMED or SHIPPED:
 * goods that arrive are what counts.
 */
public enum PurchaseOrderStatus {
    DRAFT, SENT, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    /** The statuses this one may move to by an explicit act, in workflow order. */
    public List<PurchaseOrderStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(SENT, CANCELLED);
            case SENT -> List.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> List.of(SHIPPED);
            case SHIPPED -> List.of(DELIVERED);
            case DELIVERED, CANCELLED -> List.of();
        };
    }

    /** Whether moving to the target is a legal transition. */
    public boolean canMoveTo(PurchaseOrderStatus target) {
        return next().contains(target);
    }

    /** Whether goods may be received against an order in this status (what remains of its lines). */
    public boolean receivable() {
        return this == SENT || this == CONFIRMED || this == SHIPPED || this == DELIVERED;
    }

    /** Delivered and cancelled orders do not move any more. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
