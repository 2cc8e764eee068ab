package app.comptoir.inventory;

import java.util.List;
import java.util.UUID;

/**
 * A stock alert started (one per episode), e.g. for notifications or purchasing. The daily slow-moving
 * digest has no variant nor location (both null) and {@code available}: the units it sums up. A late delivery
 * (LATE_DELIVERY) has no variant nor location either: {@code referenceId} and {@code reference} name the
 * purchase order (its id and number) and {@code available} is its days late.
 * {@code channels}: the channels the alert's rule names (IN_APP, EMAIL, PUSH, WEBHOOK), which the notifications
 * module delivers it through.
 */
public record StockAlertRaised(UUID tenantId, UUID alertId, String type, String severity, UUID variantId,
                               UUID locationId, int available, List<String> channels, UUID referenceId,
                               String reference) {

    /** An alert about a stock level, or the slow-moving digest (no reference). */
    public StockAlertRaised(UUID tenantId, UUID alertId, String type, String severity, UUID variantId,
                            UUID locationId, int available, List<String> channels) {
        this(tenantId, alertId, type, severity, variantId, locationId, available, channels, null, null);
    }
}
