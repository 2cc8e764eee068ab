package app.comptoir.purchasing;

import java.time.Instant;
import java.util.UUID;

/**
 * A purchase order sent to its supplier has stayed unconfirmed for the business's reminder days
 * ({@code purchasing_settings.reminder_days}): published once per order, e.g. for a notice to the managers.
 */
public record PurchaseOrderUnconfirmed(UUID tenantId, UUID orderId, String number, String supplierName,
                                       Instant sentAt, int days) {
}
