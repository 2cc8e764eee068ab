package app.comptoir.inventory.application;

import java.time.Instant;
import java.util.UUID;
import app.comptoir.inventory.domain.AlertType;

/**
 * An alert as the API and the alerts page show it, with the action that deals with it:
 * {@code reorder} (low, out), {@code adjust} (overstock), {@code review} (the slow-moving digest), and its
 * link. The digest has no variant nor location: {@code items} is the number of dormant stock levels it sums
 * up, {@code available} their units on hand and {@code threshold} the rule's days; {@code digest} says which
 * kind of alert it is. A late delivery ({@code follow}: its link opens the purchase order) has no variant nor
 * location either: {@code referenceId} and {@code reference} are the order's id and number, {@code available}
 * its days late and {@code threshold} the rule's days.
 */
public record AlertView(UUID id, AlertType type, String severity, String state, UUID variantId, String sku,
                        String label, UUID locationId, int available, Integer threshold, Integer items,
                        Instant raisedAt, Instant readAt, Instant resolvedAt, String action, String actionLink,
                        boolean digest, UUID referenceId, String reference) {
}
