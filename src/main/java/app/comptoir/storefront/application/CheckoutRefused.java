package app.comptoir.storefront.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** A checkout refused before anything is written: the e-mail not verified (403), an empty cart or a full slot (409). */
public class CheckoutRefused extends ComptoirException {

    CheckoutRefused(HttpStatus status, String type, String detail) {
        super(status, type, detail);
    }

    static CheckoutRefused emailNotVerified() {
        return new CheckoutRefused(HttpStatus.FORBIDDEN, "email-not-verified",
                "Verify your e-mail address before ordering (see the link sent to you)");
    }

    static CheckoutRefused emptyCart() {
        return new CheckoutRefused(HttpStatus.CONFLICT, "empty-cart", "The cart is empty");
    }

    static CheckoutRefused slotFull() {
        return new CheckoutRefused(HttpStatus.CONFLICT, "slot-full", "This delivery slot is full: choose another one");
    }
}
