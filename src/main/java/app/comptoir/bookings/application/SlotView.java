package app.comptoir.bookings.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.comptoir.bookings.domain.Slot;

/**
 * A free slot as the API shows it: its start and end instants (UTC), its day and time in the business's zone, and
 * the resources free for it (a booking without a chosen resource takes the first).
 */
public record SlotView(Instant start, Instant end, LocalDate day, String time, List<UUID> resourceIds) {

    public static SlotView of(Slot slot) {
        return new SlotView(slot.start(), slot.end(), slot.localStart().toLocalDate(),
                slot.localStart().toLocalTime().toString(), slot.resources());
    }
}
