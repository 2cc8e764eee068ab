package app.comptoir.purchasing.application;

import java.util.Locale;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/**
 * A supplier invitation's link that can no longer be used: unknown, expired or already used. HTTP 410 with a type
 * per case ({@code supplier-invitation-expired}...), so the page and the API say which and what to do.
 */
public class InvitationRefusedException extends ComptoirException {

    /** Why the link is refused. */
    public enum Reason { INVALID, EXPIRED, USED }

    private final Reason reason;

    InvitationRefusedException(Reason reason) {
        super(HttpStatus.GONE, "supplier-invitation-" + reason.name().toLowerCase(Locale.ROOT), switch (reason) {
            case EXPIRED -> "This invitation has expired; ask the shopkeeper who invited you to send a new one";
            case USED -> "This invitation was already used; sign in instead";
            case INVALID -> "This invitation link is not valid";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
