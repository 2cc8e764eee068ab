package app.comptoir.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A variant at or under its reorder point, with its average daily outgoing quantity over 30 days, the lead
 * time used and the quantity to order: enough to cover the lead time and get back over the reorder point,
 * and at least the reorder quantity.
 */
public record ReorderSuggestion(UUID variantId, String sku, String label, int available, int reorderPoint,
                               Integer reorderQuantity, BigDecimal averageDailyOut, int leadTimeDays,
                               int suggestedQuantity) {
}
