package app.comptoir.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, then every 6 h, until 24 h after the event
 * (or the replay). Growing gaps give a receiver that is down time to come back without being hammered; past
 * the window the delivery is FAILED and only a replay sends it again.
 */
public final class WebhookBackoff {

    /** How long a delivery is retried. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    private WebhookBackoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first), capped at 6 h. */
    public static Duration delayAfter(int attempts) {
        return DELAYS.get(Math.clamp(attempts - 1, 0, DELAYS.size() - 1));
    }

    /**
     * The next attempt after the {@code attempts}-th failure at {@code now}, or empty when it would fall past
     * {@code giveUpAt} (the delivery then fails for good).
     */
    public static Optional<Instant> nextAttempt(int attempts, Instant now, Instant giveUpAt) {
        Instant next = now.plus(delayAfter(attempts));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
