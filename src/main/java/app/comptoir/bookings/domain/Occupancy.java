package app.comptoir.bookings.domain;

import java.time.Instant;

/** The time an appointment keeps its resource busy: its start less the buffer before, to its end plus the buffer after. */
public record Occupancy(Instant from, Instant until) {

    /** Whether the two share some time (an appointment may start when the previous one's buffer ends). */
    public boolean overlaps(Instant otherFrom, Instant otherUntil) {
        return from.isBefore(otherUntil) && otherFrom.isBefore(until);
    }
}
