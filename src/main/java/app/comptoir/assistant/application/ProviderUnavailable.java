package app.comptoir.assistant.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** The business's model provider did not answer (after the retries) or answered nothing: 503, nothing cached. */
public class ProviderUnavailable extends ComptoirException {

    public ProviderUnavailable(String provider, Throwable cause) {
        this(cause, "The description provider (" + provider + ") did not answer; nothing was generated or charged.");
    }

    private ProviderUnavailable(Throwable cause, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "assistant-provider-unavailable", detail);
        if (cause != null) {
            initCause(cause);
        }
    }

    /** The chat agent's provider did not answer (after the retries): the user's message is kept, no answer. */
    public static ProviderUnavailable chat(String provider, Throwable cause) {
        return new ProviderUnavailable(cause, "The assistant's provider (" + provider + ") did not answer; try again"
                + " later. Nothing was ordered.");
    }

    /** The business's provider address now leads where the server may not call (e.g. its own network). */
    public static ProviderUnavailable refusedAddress(String provider, String problem) {
        return new ProviderUnavailable(null, "The description provider (" + provider + ") was not called: its address "
                + problem + ". Nothing was generated or charged.");
    }
}
