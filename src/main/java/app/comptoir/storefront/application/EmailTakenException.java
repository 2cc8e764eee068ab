package app.comptoir.storefront.application;

import app.comptoir.platform.ConflictException;

/** An account of the shop already uses this e-mail (409 {@code email-taken}; the page says so next to the field). */
public class EmailTakenException extends ConflictException {

    EmailTakenException() {
        super("email-taken", "An account of this shop already uses this e-mail; sign in or reset its password");
    }
}
