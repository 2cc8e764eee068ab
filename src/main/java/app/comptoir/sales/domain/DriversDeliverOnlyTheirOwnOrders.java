package app.comptoir.sales.domain;

import java.util.Optional;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/**
 * "A driver may only take out and deliver their own orders": a user who is a driver and nothing more moves
 * orders assigned to them to {@code OUT_FOR_DELIVERY} and {@code DELIVERED}, nothing else. The refusal is
 * an access rule (403), not a workflow conflict, so the caller turns it into its access-denied error; an
 * order assigned to someone else is not even visible to such a driver (404), which the loading query
 * enforces and {@link #sees} states.
 */
public final class DriversDeliverOnlyTheirOwnOrders {

    private DriversDeliverOnlyTheirOwnOrders() {
    }

    /**
     * Whether the actor may move an order to {@code target}; {@code restrictedDriver}: the actor's id when they
     * are only a driver, empty for everyone else.
     */
    public static Decision move(Optional<UUID> restrictedDriver, OrderStatus target) {
        if (restrictedDriver.isEmpty() || target == OrderStatus.OUT_FOR_DELIVERY || target == OrderStatus.DELIVERED) {
            return Decision.allow();
        }
        return Decision.refuse("forbidden", "A driver may only take an order out for delivery or mark it delivered");
    }

    /** Whether the actor sees (and so may act on) an order assigned to {@code driverId}. */
    public static boolean sees(Optional<UUID> restrictedDriver, UUID driverId) {
        return restrictedDriver.map(me -> me.equals(driverId)).orElse(true);
    }
}
