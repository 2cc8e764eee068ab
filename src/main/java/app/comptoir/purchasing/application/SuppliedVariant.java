package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.util.UUID;

/** A variant a supplier supplies, with the catalog's SKU and label and the supplier's terms. */
public record SuppliedVariant(UUID id, UUID supplierId, UUID variantId, String sku, String label, String supplierSku,
                              BigDecimal cost, int packSize, int minQuantity, Integer leadTimeDays, boolean preferred) {
}
