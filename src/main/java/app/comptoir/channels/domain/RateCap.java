package app.comptoir.channels.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rate cap of one marketplace account: at most {@code limit} mutating requests in any rolling {@code window},
 * at least the spacing apart, and none while the account is paused. Pure: the caller holds the account's row lock
 * while it asks, and records the write it was granted in the same transaction.
 */
public record RateCap(int limit, Duration window) {

    /** The answer: go now, or wait until the given time. */
    public sealed interface Decision permits Go, Wait {
    }

    /** The write may be sent now. */
    public record Go() implements Decision {
    }

    /** Not before {@code until}; {@code reason} is CAP, SPACING or PAUSED. */
    public record Wait(Instant until, String reason) implements Decision {
    }

    /** How the window stands: writes used, remaining, and when the oldest counted write leaves it (null: none). */
    public record Usage(int used, int remaining, Instant resetAt) {
    }

    public RateCap {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate cap needs a positive limit and window");
        }
    }

    /**
     * Whether a write may go at {@code now}, given the times of the writes already sent (any order; older ones
     * than the window are ignored), the time the spacing allows the next one, and the end of a pause.
     */
    public Decision decide(Instant now, List<Instant> writes, Instant nextWriteAt, Instant pausedUntil) {
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            return new Wait(pausedUntil, "PAUSED");
        }
        List<Instant> inWindow = inWindow(now, writes);
        if (inWindow.size() >= limit) {
            // the write that must leave the window before one more fits
            return new Wait(inWindow.get(inWindow.size() - limit).plus(window), "CAP");
        }
        if (nextWriteAt != null && nextWriteAt.isAfter(now)) {
            return new Wait(nextWriteAt, "SPACING");
        }
        return new Go();
    }

    /** The figures of {@code GET .../rate-limit}. */
    public Usage usage(Instant now, List<Instant> writes) {
        List<Instant> inWindow = inWindow(now, writes);
        Instant reset = inWindow.isEmpty() ? null : inWindow.getFirst().plus(window);
        return new Usage(inWindow.size(), Math.max(0, limit - inWindow.size()), reset);
    }

    /** The writes after {@code now - window}; one stamped later than now (another node's clock ahead) counts too. */
    private List<Instant> inWindow(Instant now, List<Instant> writes) {
        Instant from = now.minus(window);
        return writes.stream().filter(at -> at.isAfter(from)).sorted().toList();
    }
}
