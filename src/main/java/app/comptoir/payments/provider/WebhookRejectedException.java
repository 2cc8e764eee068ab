package app.comptoir.payments.provider;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** A webhook whose signature is missing, wrong or too old, or whose body cannot be read (400 {@code invalid-signature}). */
public class WebhookRejectedException extends ComptoirException {

    public WebhookRejectedException(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-signature", detail);
    }
}
