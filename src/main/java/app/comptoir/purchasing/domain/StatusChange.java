package app.comptoir.purchasing.domain;

import java.time.Instant;
import java.util.UUID;

/** One step of an order's timeline: the status reached, with an optional note, from which side, when, by whom. */
public record StatusChange(PurchaseOrderStatus status, String note, boolean bySupplier, Instant at, UUID byUser) {
}
