package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a purchase order to create: a variant of the catalog (or, for a connected order, the registered
 * supplier's item), the quantity, and the unit cost. SKU and label default to the variant's; the unit cost to the
 * supplier's terms for the variant, else the variant's cost.
 */
public record LineDraft(UUID variantId, UUID supplierProductId, String sku, String label, Integer quantity,
                        BigDecimal unitCost) {
}
