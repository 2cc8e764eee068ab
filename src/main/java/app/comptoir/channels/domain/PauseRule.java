package app.comptoir.channels.domain;

import java.time.Duration;

/**
 * How long an account pauses when the marketplace pushes back: 15 minutes after a 429, 30 minutes after an anti-bot
 * challenge, doubled for each repeat since the last successful write, at most 6 hours.
 */
public final class PauseRule {

    /** Why an account pauses. */
    public enum Cause {
        RATE_LIMITED(Duration.ofMinutes(15)), CHALLENGED(Duration.ofMinutes(30));

        private final Duration first;

        Cause(Duration first) {
            this.first = first;
        }
    }

    static final Duration LONGEST = Duration.ofHours(6);

    private PauseRule() {
    }

    /** The pause after this push-back, when {@code earlierPauses} came before it since the last good write. */
    public static Duration pause(Cause cause, int earlierPauses) {
        Duration pause = cause.first;
        for (int i = 0; i < earlierPauses && pause.compareTo(LONGEST) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }
}
