package app.comptoir.inventory.application;

import java.time.Instant;
import java.util.UUID;
import app.comptoir.inventory.domain.AlertType;

/**
 * An alert as the API and the alerts page show it, with the action that deals with it:
 * {@code reorder} (low, out), {@code adjust} (overstock, slow-moving), and its link.
 */
public record AlertView(UUID id, AlertType type, String severity, String state, UUID variantId, String sku,
                        String label, UUID locationId, int available, Integer threshold, Instant raisedAt,
                        Instant readAt, Instant resolvedAt, String action, String actionLink) {
}
