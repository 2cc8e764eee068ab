package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A variant of the catalog a supplier supplies, on its terms: the cost (required), pack size and minimum
 * quantity (1 by default), lead time in days (0 to 365), the supplier's own SKU, and whether it is the variant's
 * preferred supplier (setting it unsets the previous one). {@code variantId} is ignored on a change.
 */
public record SupplierVariantRequest(UUID variantId, String supplierSku, BigDecimal cost, Integer packSize,
                                     Integer minQuantity, Integer leadTimeDays, Boolean preferred) {
}
