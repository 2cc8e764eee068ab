package app.comptoir.assistant.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** The business's model provider did not answer (after the retries) or answered nothing: 503, nothing cached. */
public class ProviderUnavailable extends ComptoirException {

    public ProviderUnavailable(String provider, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "assistant-provider-unavailable",
                "The description provider (" + provider + ") did not answer; nothing was generated or charged.");
        if (cause != null) {
            initCause(cause);
        }
    }
}
