package app.comptoir.notifications.application;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One thing to tell one user, already written in the user's language: the dispatcher builds it from an event
 * (once per recipient) and hands it to every channel the user's preferences allow.
 *
 * @param id         unique per event and recipient (derived from both), so a replayed event is recognised
 * @param type       the event type the preferences are keyed on, e.g. {@code order.created}, {@code stock.out}
 * @param title      one line, e.g. "Commande CMD-2026-000042 créée"
 * @param body       a sentence or two
 * @param link       the record's page in the back office, a path such as {@code /app/sales/orders/…} (or null)
 */
public record Notice(UUID id, UUID tenantId, UUID userId, String email, Locale locale, String type, String title,
                     String body, String link, Instant at) {
}
