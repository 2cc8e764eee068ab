package app.comptoir.bookings.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A closure or holiday: the whole business ({@code resourceId} null) or one resource, from one local date to
 * another, both included.
 */
public record Closure(UUID id, UUID resourceId, LocalDate startsOn, LocalDate endsOn, String label) {

    /** Whether the resource is closed that day by this closure. */
    public boolean closes(UUID resource, LocalDate day) {
        return (resourceId == null || resourceId.equals(resource)) && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
