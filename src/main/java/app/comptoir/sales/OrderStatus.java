package app.comptoir.sales;

import java.util.List;

/**
 * Where an order stands: {@code DRAFT → CONFIRMED → PREPARING → OUT_FOR_DELIVERY → DELIVERED}, and
 * {@code CANCELLED} from any state before delivered.
 */
public enum OrderStatus {
    DRAFT, CONFIRMED, PREPARING, OUT_FOR_DELIVERY, DELIVERED, CANCELLED;

    /** The statuses this one may move to, in workflow order. */
    public List<OrderStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> List.of(PREPARING, CANCELLED);
            case PREPARING -> List.of(OUT_FOR_DELIVERY, CANCELLED);
            case OUT_FOR_DELIVERY -> List.of(DELIVERED, CANCELLED);
            case DELIVERED, CANCELLED -> List.of();
        };
    }

    /** Whether moving to the target is a legal transition. */
    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Whether the order holds reserved stock in this status. */
    public boolean holdsReservation() {
        return this == CONFIRMED || this == PREPARING;
    }

    /** Delivered and cancelled orders do not move any more. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }
}
