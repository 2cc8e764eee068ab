package app.comptoir.storefront.application;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.SharedCounters;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Checkouts per client address: at most {@code comptoir.storefront.checkouts-per-address} (default 30) attempts in
 * 10 minutes, then 429 with {@code Retry-After}. Counted in {@link SharedCounters} (one window per address
 * for every node): it keeps a script from hammering checkout, it is not an accounting.
 */
@Component
public class CheckoutThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int limit;
    private final SharedCounters counters;

    CheckoutThrottle(@Value("${comptoir.storefront.checkouts-per-address:30}") int limit, SharedCounters counters) {
        this.limit = limit;
        this.counters = counters;
    }

    /** Counts a checkout attempt from the address, refusing it (429) beyond the limit. */
    public void attempt(String address) {
        SharedCounters.Count count = counters.hit("checkout:" + (address == null ? "?" : address), WINDOW);
        if (count.over(limit)) {
            throw new TooManyRequestsException("Too many checkouts from this address: try again later", count.resetsIn());
        }
    }
}
