package app.comptoir.channels.application;

/** A marketplace did not do what was asked; the kind says how the job runner reacts. */
public class MarketplaceException extends RuntimeException {

    /** How the answer is read. */
    public enum Kind {
        /** HTTP 429: the account pauses (15 minutes, doubling). */
        RATE_LIMITED,
        /** 403 with an anti-bot challenge page: the account pauses (30 minutes, doubling). */
        CHALLENGED,
        /** 401 or a 403 without challenge: the session is no longer valid; the user reconnects with the extension. */
        SESSION_EXPIRED,
        /** The marketplace refused the content (4xx): retrying the same would fail the same way. */
        REJECTED,
        /** No answer, a timeout or a 5xx: the request may or may not have taken effect. */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final int status;

    public MarketplaceException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
