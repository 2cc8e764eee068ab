package app.comptoir.inventory.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The slow-moving rule: stock on hand that has been there for the rule's number of days (it had a
 * movement before the window) without any goods going out (issue or sale) during the window.
 */
public record SlowMoving(int days) {

    /** The number of days of a rule that has none. */
    public static final int DEFAULT_DAYS = 30;

    public SlowMoving {
        if (days < 1) {
            throw new IllegalArgumentException("days must be 1 or more");
        }
    }

    /** The rule of the tenant's SLOW_MOVING alert rule, whose threshold is the number of days (null: default). */
    public static SlowMoving ofRule(Integer days) {
        return new SlowMoving(days == null ? DEFAULT_DAYS : days);
    }

    /** The start of the window as of {@code now}: goods must have gone out since then. */
    public Instant since(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    /**
     * Whether a level is slow-moving as of {@code now}: something on hand, a first movement before the
     * window, and no outgoing movement in it ({@code lastOutgoingAt} null: never).
     */
    public boolean holds(StockLevel level, Instant firstMovementAt, Instant lastOutgoingAt, Instant now) {
        Instant since = since(now);
        return level.onHand() > 0 && firstMovementAt != null && firstMovementAt.isBefore(since)
                && (lastOutgoingAt == null || lastOutgoingAt.isBefore(since));
    }
}
