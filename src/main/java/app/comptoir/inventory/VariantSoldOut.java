package app.comptoir.inventory;

import java.util.UUID;

/**
 * A variant's last available unit left: its available stock over every location (a location below zero counting
 * as zero) went from above zero to zero, by a reservation, a sale or any other movement. Published once per
 * transition, inside the transaction that made it, so a listener sees it only if that commits; a variant that was
 * already at zero publishes nothing, which keeps the everyday movements of well-stocked variants free of it.
 * {@code channels} withdraws the variant's listings on marketplaces.
 */
public record VariantSoldOut(UUID tenantId, UUID variantId) {
}
