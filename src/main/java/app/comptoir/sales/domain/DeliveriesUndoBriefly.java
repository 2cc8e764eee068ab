package app.comptoir.sales.domain;

import java.time.Duration;
import java.time.Instant;

import app.comptoir.sales.OrderStatus;

/**
 * "A delivery can be taken back only briefly, and only before anything happened since": a driver who tapped
 * "delivered" by mistake takes it back from the toast of their screen. The screen offers it for 10 seconds;
 * the rule accepts {@link #GRACE} so that a slow phone network does not turn a prompt tap into a refusal, and
 * no longer, since a delivered order is the customer's from then on. Once goods came back (a return) the
 * delivery is a fact that other records depend on, so it cannot be undone either.
 */
public final class DeliveriesUndoBriefly {

    /** How long after "delivered" the step may be taken back. */
    public static final Duration GRACE = Duration.ofMinutes(2);

    private DeliveriesUndoBriefly() {
    }

    /** Whether the delivery of an order (delivered at {@code deliveredAt}) may be taken back at {@code now}. */
    public static Decision undo(String number, OrderStatus status, Instant deliveredAt, boolean returned, Instant now) {
        if (status != OrderStatus.DELIVERED) {
            return Decision.refuse("order-not-delivered", "Order " + number + " is " + status + ", not DELIVERED");
        }
        if (returned) {
            return Decision.refuse("delivery-undo-expired", "Order " + number + " has returns; its delivery stands");
        }
        if (now.isAfter(deliveredAt.plus(GRACE))) {
            return Decision.refuse("delivery-undo-expired", "The delivery of order " + number
                    + " can only be undone within " + GRACE.toMinutes() + " minutes");
        }
        return Decision.allow();
    }
}
