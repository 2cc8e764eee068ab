package app.comptoir.inventory.application;

import java.util.UUID;

/** A physical count: the quantity found on the shelf, recorded as the adjustment that makes the level match. */
public record CountRequest(UUID id, UUID variantId, UUID locationId, Integer countedQuantity, String reason) {
}
