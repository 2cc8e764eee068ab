package app.comptoir.sales.domain;

import java.util.UUID;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.sales.OrderStatus;

/**
 * "A driver collects on the delivery of their own order": a user who may deliver (and not record payments in the
 * office) may record what the customer paid them at the door, cash or on the card terminal, on an order assigned
 * to them that is out for delivery or delivered. Anything else is the office's (PAYMENTS_RECORD): transfers,
 * cheques, another driver's order, an order still at the shop.
 */
public final class DriversCollectOnDelivery {

    private DriversCollectOnDelivery() {
    }

    /** Whether the driver {@code me} may record a payment by {@code method} on an order in this state. */
    public static Decision collect(UUID me, UUID driverId, OrderStatus status, PaymentMethod method) {
        if (me == null || !me.equals(driverId)) {
            return Decision.refuse("forbidden", "A driver may only collect the payment of their own orders");
        }
        if (status != OrderStatus.OUT_FOR_DELIVERY && status != OrderStatus.DELIVERED) {
            return Decision.refuse("order-not-out-for-delivery",
                    "A driver collects a payment when delivering: the order is " + status);
        }
        if (method != null && method != PaymentMethod.CASH && method != PaymentMethod.CARD_TERMINAL) {
            return Decision.refuse("forbidden", "A driver collects cash or a card payment on the terminal only");
        }
        return Decision.allow();
    }
}
