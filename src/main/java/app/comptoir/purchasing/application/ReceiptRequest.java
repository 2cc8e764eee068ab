package app.comptoir.purchasing.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.purchasing.domain.LineQuantity;

/**
 * Goods received against a purchase order: for each line the quantity taken in (0 leaves it out), into a stock
 * location (the default one when none is given), with an optional note. {@code id} is the receipt's, chosen by
 * the client or derived from its Idempotency-Key: a retry with the same id is recorded once. {@code occurredAt}: when
 * the goods were received, for a receipt recorded on a device without network and sent later (null: now; the same
 * limits as a stock movement's).
 */
public record ReceiptRequest(UUID id, UUID locationId, String note, List<LineQuantity> lines, Instant occurredAt) {

    /** Goods received now. */
    public ReceiptRequest(UUID id, UUID locationId, String note, List<LineQuantity> lines) {
        this(id, locationId, note, lines, null);
    }
}
