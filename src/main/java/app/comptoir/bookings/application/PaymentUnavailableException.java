package app.comptoir.bookings.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** The online payment could not start (the provider did not answer): 503 {@code payment-unavailable}, the hold released. */
public class PaymentUnavailableException extends ComptoirException {

    public PaymentUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "payment-unavailable", detail);
    }
}
