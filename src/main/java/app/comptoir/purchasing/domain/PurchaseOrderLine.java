package app.comptoir.purchasing.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a purchase order: the buyer's variant (and, for a connected order, the supplier's catalog item), a
 * copy of what was ordered (SKU, label), the quantity ordered and received so far, and the unit cost.
 */
public record PurchaseOrderLine(UUID id, int position, UUID variantId, UUID supplierProductId, String sku, String label,
                                int quantity, BigDecimal unitCost, int receivedQuantity) {

    /** What is still expected of this line (never less than 0). */
    public int remaining() {
        return Math.max(0, quantity - receivedQuantity);
    }

    /** The line's amount: quantity × unit cost (unrounded; the order rounds its total). */
    public BigDecimal amount() {
        return unitCost.multiply(BigDecimal.valueOf(quantity));
    }

    PurchaseOrderLine withReceived(int more) {
        return new PurchaseOrderLine(id, position, variantId, supplierProductId, sku, label, quantity, unitCost,
                receivedQuantity + more);
    }
}
