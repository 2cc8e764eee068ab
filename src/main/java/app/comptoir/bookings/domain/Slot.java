package app.comptoir.bookings.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A free slot: its start and end instants, its start in the business's local time, and the resources free for it
 * (in the order they were given, the first is the one a booking takes).
 */
public record Slot(Instant start, Instant end, LocalDateTime localStart, List<UUID> resources) {

    public Slot {
        resources = List.copyOf(resources);
    }
}
