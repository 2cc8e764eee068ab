package app.comptoir.identity.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/**
 * An e-mailed link (password reset or invitation) that can no longer be used: unknown, expired, already used or
 * revoked. HTTP 410, with a type per case ({@code reset-link-expired}, {@code invitation-link-revoked}...), so
 * the page and the API say which, and how to get a new one.
 */
public class LinkRefusedException extends ComptoirException {

    /** Why the link is refused. */
    public enum Reason { INVALID, EXPIRED, USED, REVOKED }

    private final Reason reason;

    LinkRefusedException(String link, Reason reason, String detail) {
        super(HttpStatus.GONE, link + "-link-" + reason.name().toLowerCase(java.util.Locale.ROOT), detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
