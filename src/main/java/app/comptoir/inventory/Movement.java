package app.comptoir.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded movement of the ledger. {@code quantity} is positive; {@code change} is what it did to the
 * level at {@code locationId} (negative for goods out, and at the source of a transfer), and
 * {@code balanceAfter} the on-hand quantity there just after it.
 */
public record Movement(UUID id, UUID variantId, String sku, String label, MovementType type, int quantity,
                       int change, UUID locationId, UUID toLocationId, Integer balanceAfter, String reason,
                       String reference, UUID actorId, Instant occurredAt) {
}
