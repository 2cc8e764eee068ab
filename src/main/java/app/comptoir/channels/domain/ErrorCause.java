package app.comptoir.channels.domain;

import java.util.Locale;

/**
 * Why a publication job failed or an account paused, read from the error the job recorded: the statistics page counts
 * errors by these causes.
 */
public enum ErrorCause {
    RATE_LIMITED, CHALLENGED, SESSION_EXPIRED, REJECTED, NO_ANSWER, OTHER;

    /** The cause of a recorded error text (the adapter's and the runner's messages). */
    public static ErrorCause of(String error) {
        String text = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (text.contains("too many requests") || text.contains("429")) {
            return RATE_LIMITED;
        }
        if (text.contains("challenge")) {
            return CHALLENGED;
        }
        if (text.contains("session")) {
            return SESSION_EXPIRED;
        }
        if (text.contains("refused") || text.contains("rejected") || text.contains("not on the marketplace")) {
            return REJECTED;
        }
        if (text.contains("timeout") || text.contains("timed out") || text.contains("failed (http 5")
                || text.contains("no answer")) {
            return NO_ANSWER;
        }
        return OTHER;
    }
}
