package app.comptoir.inventory;

import java.util.UUID;

/**
 * A movement to record. {@code quantity} is positive and the type gives the direction, except for an
 * {@link MovementType#ADJUSTMENT} whose sign says whether stock is added or removed. {@code id} is an
 * optional client-generated id: the same id sent twice is recorded once. Without {@code locationId} the
 * default location is used; {@code toLocationId} is the destination of a transfer.
 */
public record MovementRequest(UUID id, UUID variantId, MovementType type, Integer quantity, UUID locationId,
                              UUID toLocationId, String reason, String reference) {
}
