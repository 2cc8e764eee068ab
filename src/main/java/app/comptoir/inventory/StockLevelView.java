package app.comptoir.inventory;

import java.util.UUID;

/** The stock of one variant at one location, with the variant's thresholds and the resulting status. */
public record StockLevelView(UUID variantId, String sku, String label, UUID locationId, String locationName,
                             int onHand, int reserved, int available, Integer alertLevel, Integer overstockLevel,
                             Integer reorderPoint, Integer reorderQuantity, StockStatus status) {
}
