package app.comptoir.inventory.application;

import java.util.List;
import java.util.UUID;

import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockStatus;

/** A variant's stock over all locations, its thresholds, its status and the level at each location. */
public record VariantStock(UUID variantId, String sku, String label, int onHand, int reserved, int available,
                           Integer alertLevel, Integer overstockLevel, Integer reorderPoint, Integer reorderQuantity,
                           Integer leadTimeDays, StockStatus status, List<StockLevelView> levels) {
}
