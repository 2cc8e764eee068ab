package app.comptoir.inventory;

import java.util.List;
import java.util.UUID;

/**
 * A stock alert started (one per episode), e.g. for notifications or purchasing. The daily slow-moving
 * digest has no variant nor location (both null) and {@code available}: the units it sums up.
 * {@code channels}: the channels the alert's rule names (IN_APP, EMAIL, PUSH, WEBHOOK), which the notifications
 * module delivers it through.
 */
public record StockAlertRaised(UUID tenantId, UUID alertId, String type, String severity, UUID variantId,
                               UUID locationId, int available, List<String> channels) {
}
