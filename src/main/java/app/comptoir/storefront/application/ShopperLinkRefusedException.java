package app.comptoir.storefront.application;

import java.util.Locale;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/**
 * An e-mailed link of a shopper (e-mail verification, password reset) that no longer works: unknown, expired or
 * already used. HTTP 410 with a type per case ({@code shopper-link-expired}...), so the page and the API say which
 * and offer a new one.
 */
public class ShopperLinkRefusedException extends ComptoirException {

    /** Why the link is refused. */
    public enum Reason { INVALID, EXPIRED, USED }

    private final Reason reason;

    ShopperLinkRefusedException(Reason reason) {
        super(HttpStatus.GONE, "shopper-link-" + reason.name().toLowerCase(Locale.ROOT), switch (reason) {
            case EXPIRED -> "This link has expired; ask for a new one";
            case USED -> "This link was already used; ask for a new one if you need to";
            case INVALID -> "This link is not valid; ask for a new one";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
