package app.comptoir.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A URL a business registered to receive some of its events, signed with the endpoint's own secret. */
public record WebhookEndpoint(UUID id, String url, String description, List<String> events, boolean enabled,
                              String secret, Instant createdAt, Instant updatedAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    /** Whether an event of this type goes to this endpoint now. */
    public boolean receives(String type) {
        return enabled && events.contains(type);
    }
}
