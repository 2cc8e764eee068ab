package app.comptoir.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A business error that the API turns into an RFC 9457 problem with a stable type. */
public abstract class ComptoirException extends RuntimeException {

    private final String type;
    private final HttpStatus status;

    protected ComptoirException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    /** The stable problem type, the last segment of its URI (e.g. {@code not-found}). */
    public String type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    /** Extra members of the problem document (e.g. the short lines of an insufficient-stock refusal). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
