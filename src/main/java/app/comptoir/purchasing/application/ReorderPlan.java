package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What to reorder, grouped per preferred supplier (one draft order each), and the variants to reorder that have
 * no preferred supplier yet (listed apart: pick one first). {@code variantId}: the filter asked for, if any.
 */
public record ReorderPlan(UUID variantId, String currency, List<SupplierGroup> suppliers, List<Line> withoutSupplier,
                          BigDecimal total) {

    /** The lines to order from one supplier and their total at the supplier's costs. */
    public record SupplierGroup(UUID supplierId, String supplierName, List<Line> lines, BigDecimal total) {
    }

    /**
     * One variant: inventory's suggestion ({@code suggested}), what is on order, what remains ({@code need}) and
     * the quantity to order (rounded to the supplier's pack and minimum; the need itself without a supplier).
     */
    public record Line(UUID variantId, String sku, String label, int available, int reorderPoint, int suggested,
                       int onOrder, int need, int quantity, Integer packSize, Integer minQuantity,
                       BigDecimal unitCost, BigDecimal lineTotal, Integer leadTimeDays) {
    }
}
