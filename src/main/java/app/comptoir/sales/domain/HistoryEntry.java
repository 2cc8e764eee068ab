package app.comptoir.sales.domain;

import java.time.Instant;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/**
 * One step of an order's workflow: the status reached, when, by whom (name and user id), with an optional note;
 * {@code step} names a step off the plain workflow ({@link #DELIVERY_FAILED} with its {@code reason}, a
 * {@link FailedDeliveryReason}, or {@link #DELIVERY_UNDONE}), null otherwise.
 */
public record HistoryEntry(OrderStatus status, Instant at, String by, UUID byId, String note, String step,
                           String reason) {

    /** The delivery failed and the order came back to the shop. */
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    /** A mistaken "delivered" was taken back. */
    public static final String DELIVERY_UNDONE = "DELIVERY_UNDONE";

    /** A plain workflow step. */
    public HistoryEntry(OrderStatus status, Instant at, String by, UUID byId, String note) {
        this(status, at, by, byId, note, null, null);
    }
}
