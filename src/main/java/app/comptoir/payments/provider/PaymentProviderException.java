package app.comptoir.payments.provider;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/**
 * The provider refused a request or could not be reached (502 {@code payment-provider-error}). {@code refused}: it
 * answered no (an invalid key, a refund it will not make), so trying again changes nothing; otherwise the same
 * request (same idempotency key) may be sent again.
 */
public class PaymentProviderException extends ComptoirException {

    private final boolean refused;

    public PaymentProviderException(String detail, boolean refused) {
        super(HttpStatus.BAD_GATEWAY, "payment-provider-error", detail);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("retryable", !refused);
    }
}
