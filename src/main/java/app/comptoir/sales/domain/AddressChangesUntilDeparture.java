package app.comptoir.sales.domain;

import app.comptoir.sales.OrderStatus;

/**
 * "The delivery address can change until the order leaves": while it is drafted or prepared the driver has
 * not taken it yet; once it is out for delivery (or finished) the address is where it went.
 */
public final class AddressChangesUntilDeparture {

    private AddressChangesUntilDeparture() {
    }

    public static Decision change(String number, OrderStatus status) {
        return status == OrderStatus.DRAFT || status.holdsReservation() ? Decision.allow()
                : Decision.refuse("order-locked", "The delivery address of order " + number
                        + " cannot change once it is " + status);
    }
}
