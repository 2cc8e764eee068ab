package app.comptoir.platform;

/**
 * The quotas of the current business's plan, chosen by the deployment's operator (implemented by identity, which
 * keeps the plans): called inside the transaction that adds a user, a product or an order, a method refuses with a 409
 * {@code quota-exceeded} naming the limit and the plan. An interface here so that a module adding products needs no
 * bean of identity to start.
 */
public interface Quotas {

    /** Refuses one more user when the plan's users are all taken. */
    void requireRoomForUser();

    /** Refuses one more product when the plan's products are all taken. */
    void requireRoomForProduct();

    /** Refuses one more order when the plan's orders of the current month (in the business's time zone) are taken. */
    void requireRoomForOrder();
}
