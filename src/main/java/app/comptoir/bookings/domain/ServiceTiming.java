package app.comptoir.bookings.domain;

import java.time.Duration;
import java.time.Instant;

/** How long a service takes and how long its resource needs before and after it (preparation, cleaning). */
public record ServiceTiming(Duration duration, Duration bufferBefore, Duration bufferAfter) {

    public static ServiceTiming ofMinutes(int duration, int before, int after) {
        return new ServiceTiming(Duration.ofMinutes(duration), Duration.ofMinutes(before), Duration.ofMinutes(after));
    }

    /** The time an appointment of this service starting at {@code start} keeps its resource busy. */
    public Occupancy occupancy(Instant start) {
        return new Occupancy(start.minus(bufferBefore), start.plus(duration).plus(bufferAfter));
    }
}
