package app.comptoir.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stock held for an order (or a cart) until it is committed as sales or released. */
public record Reservation(UUID id, String reference, Status status, List<ReservationLine> lines, Instant createdAt) {

    /** Where a reservation stands. */
    public enum Status { ACTIVE, RELEASED, COMMITTED }

    /** The same reservation in another status. */
    public Reservation with(Status newStatus) {
        return new Reservation(id, reference, newStatus, lines, createdAt);
    }
}
