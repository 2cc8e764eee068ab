package app.comptoir.inventory.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A physical count: the quantity found on the shelf, recorded as the adjustment that makes the level match.
 * {@code occurredAt}: when it was counted, for a count made without network and sent later (null: now).
 */
public record CountRequest(UUID id, UUID variantId, UUID locationId, Integer countedQuantity, String reason,
                           Instant occurredAt) {

    /** A count made now. */
    public CountRequest(UUID id, UUID variantId, UUID locationId, Integer countedQuantity, String reason) {
        this(id, variantId, locationId, countedQuantity, reason, null);
    }
}
