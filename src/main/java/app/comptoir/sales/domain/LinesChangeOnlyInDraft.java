package app.comptoir.sales.domain;

import app.comptoir.sales.OrderStatus;

/**
 * "Lines change only in a draft": once confirmed, an order's content (customer, lines, delivery fee) is what
 * stock was reserved for and what the customer agreed to, so it is frozen; a draft is the only order that
 * may also be deleted (a later one is cancelled, which keeps its history).
 */
public final class LinesChangeOnlyInDraft {

    private LinesChangeOnlyInDraft() {
    }

    /** Whether {@code what} (named in the refusal, e.g. "lines") may change in this status. */
    public static Decision change(String number, OrderStatus status, String what) {
        return status == OrderStatus.DRAFT ? Decision.allow() : Decision.refuse("order-not-draft",
                "Order " + number + " is " + status + ": " + what + " change only in DRAFT");
    }

    /** Whether the order may be deleted rather than cancelled. */
    public static Decision deletion(String number, OrderStatus status) {
        return status == OrderStatus.DRAFT ? Decision.allow() : Decision.refuse("order-not-draft",
                "Order " + number + " is " + status + ": only a draft order can be deleted (cancel it instead)");
    }
}
