package app.comptoir.inventory;

import java.util.List;
import java.util.UUID;

/** A variant's stock over all locations, its thresholds, its status and the level at each location. */
public record VariantStock(UUID variantId, String sku, String label, int onHand, int reserved, int available,
                           Integer alertLevel, Integer overstockLevel, Integer reorderPoint, Integer reorderQuantity,
                           Integer leadTimeDays, StockStatus status, List<StockLevelView> levels) {
}
