package app.comptoir.sales.domain;

import app.comptoir.sales.OrderStatus;

/**
 * "A delivered or cancelled order is locked": notes and the driver follow an order while it moves, and
 * are part of its record once it has stopped moving.
 */
public final class FinishedOrdersAreLocked {

    private FinishedOrdersAreLocked() {
    }

    public static Decision change(String number, OrderStatus status) {
        return status.isFinal() ? Decision.refuse("order-locked", "Order " + number + " is " + status) : Decision.allow();
    }
}
