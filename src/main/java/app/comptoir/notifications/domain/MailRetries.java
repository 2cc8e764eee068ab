package app.comptoir.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed e-mail is tried again: after each failed attempt the next delay of the list (by default 1 min,
 * 5 min, 30 min, 2 h, 6 h), then never: an SMTP server down for longer than the whole list (about 9 hours)
 * leaves the mail FAILED for good, for an administrator to send again.
 *
 * @param delays the delay after the 1st, 2nd, ... failed attempt
 */
public record MailRetries(List<Duration> delays) {

    /** The default schedule. */
    public static final MailRetries DEFAULT = new MailRetries(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6)));

    public MailRetries {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("Retry delays must be positive: " + delays);
        }
    }

    /** The next attempt after {@code failedAttempts} failures (counting the one that just failed), if any. */
    public Optional<Instant> next(int failedAttempts, Instant now) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delays.get(failedAttempts - 1)));
    }
}
