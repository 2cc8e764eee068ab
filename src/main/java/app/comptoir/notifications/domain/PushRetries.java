package app.comptoir.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a push again after the push service said "not now" (429, 5xx) or could not be reached:
 * exponential backoff from 30 seconds, doubled at each attempt up to an hour, or exactly what the service
 * asked with {@code Retry-After} (sooner or later); never after the notice's time to live (the push
 * service would drop it anyway) nor after {@value #MAX_ATTEMPTS} attempts.
 */
public final class PushRetries {

    /** Attempts in all, the first included. */
    public static final int MAX_ATTEMPTS = 10;

    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration LONGEST = Duration.ofHours(1);

    private PushRetries() {
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts, or empty to give up.
     *
     * @param retryAfter what the push service asked for, if anything; honoured even when shorter than the backoff
     * @param expiresAt  the end of the notice's time to live
     */
    public static Optional<Instant> next(int attemptsMade, Instant now, Duration retryAfter, Instant expiresAt) {
        if (attemptsMade >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration backoff = FIRST.multipliedBy(1L << Math.min(Math.max(attemptsMade - 1, 0), 16));
        Duration wait = retryAfter != null ? retryAfter : backoff.compareTo(LONGEST) > 0 ? LONGEST : backoff;
        if (wait.isNegative() || wait.isZero()) {
            wait = Duration.ofSeconds(1);
        }
        Instant at = now.plus(wait);
        return at.isAfter(expiresAt) ? Optional.empty() : Optional.of(at);
    }

    /** A {@code Retry-After} header (seconds, or an HTTP date), or null when absent or unreadable. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
