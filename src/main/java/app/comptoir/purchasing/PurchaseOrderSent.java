package app.comptoir.purchasing;

import java.util.UUID;

/**
 * A purchase order was sent to its supplier: by e-mail to a manual supplier with an address
 * ({@code supplierEmail}), or into a registered supplier's space ({@code connected}).
 */
public record PurchaseOrderSent(UUID tenantId, UUID orderId, String number, UUID supplierId, String supplierEmail,
                                boolean connected) {
}
