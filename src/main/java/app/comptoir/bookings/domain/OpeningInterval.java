package app.comptoir.bookings.domain;

import java.time.LocalTime;
import java.util.Objects;

/** One opening interval of a weekday, in the business's local wall-clock time: from {@code opens} to {@code closes}. */
public record OpeningInterval(LocalTime opens, LocalTime closes) {

    public OpeningInterval {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("An interval opens before it closes: " + opens + "–" + closes);
        }
    }

    /** Whether the two intervals share some time (touching ends do not). */
    public boolean overlaps(OpeningInterval other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }
}
