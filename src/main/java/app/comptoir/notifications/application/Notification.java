package app.comptoir.notifications.application;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice of a user's notification centre: its event type, text, the record's page ({@code link}, or null)
 * and when it was read (null: unread).
 */
public record Notification(UUID id, String type, String title, String body, String link, Instant createdAt,
                           Instant readAt) {
}
