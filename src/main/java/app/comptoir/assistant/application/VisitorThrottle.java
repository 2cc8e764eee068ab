package app.comptoir.assistant.application;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.SharedCounters;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Questions to booking pages' assistants per client address: at most
 * {@code comptoir.assistant.visitor-questions-per-address} (default 20) in 10 minutes, then 429 with
 * {@code Retry-After}. Counted in {@link SharedCounters} like the storefront's checkouts per address (one window per
 * address for every node): it keeps a script from spending a business's tokens, it is not an accounting.
 */
@Component
public class VisitorThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int limit;
    private final SharedCounters counters;

    VisitorThrottle(@Value("${comptoir.assistant.visitor-questions-per-address:20}") int limit, SharedCounters counters) {
        this.limit = limit;
        this.counters = counters;
    }

    /** Counts a question from the address, refusing it (429) beyond the limit. */
    public void question(String address) {
        SharedCounters.Count count = counters.hit("visitor-question:" + (address == null ? "?" : address), WINDOW);
        if (count.over(limit)) {
            throw new TooManyRequestsException("Too many questions from this address: try again later", count.resetsIn());
        }
    }
}
