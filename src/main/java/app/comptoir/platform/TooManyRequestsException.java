package app.comptoir.platform;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** Too many attempts; the client may retry after the given delay. */
public class TooManyRequestsException extends ComptoirException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
