package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A variant a supplier supplies, on its terms: cost, pack size, minimum quantity, lead time, the supplier's own
 * SKU, and whether it is the variant's preferred supplier (one at most per variant).
 */
public record SupplierVariantView(UUID id, UUID supplierId, UUID variantId, String supplierSku, BigDecimal cost,
                                  int packSize, int minQuantity, Integer leadTimeDays, boolean preferred,
                                  UUID supplierProductId, long version) {
}
