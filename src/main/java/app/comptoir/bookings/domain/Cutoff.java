package app.comptoir.bookings.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The business's cut-off for customers' changes: a customer cancels or reschedules an appointment until
 * {@code hours} before it starts; after that only the business does, and the customer is given its phone.
 */
public record Cutoff(int hours, String contactPhone) {

    /** The last instant the customer may change an appointment starting at {@code start}. */
    public Instant deadline(Instant start) {
        return start.minus(Duration.ofHours(hours));
    }

    /** Refuses (409 {@code booking-cutoff-passed}) a customer's change once the deadline has passed. */
    public void requireOpen(Instant start, Instant now) {
        Instant deadline = deadline(start);
        if (now.isAfter(deadline)) {
            throw new CutoffPassedException(deadline, hours, contactPhone);
        }
    }
}
