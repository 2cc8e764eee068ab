package app.comptoir.storefront.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.TooManyRequestsException;

/**
 * Checkouts per client address: at most {@code comptoir.storefront.checkouts-per-address} (default 30) attempts in
 * 10 minutes, then 429 with {@code Retry-After}. Counted in this node's memory (a window per address, bounded in
 * size): it keeps a script from hammering checkout, it is not an accounting.
 */
@Component
public class CheckoutThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int limit;
    private final Cache<String, AtomicInteger> attempts = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();

    CheckoutThrottle(@Value("${comptoir.storefront.checkouts-per-address:30}") int limit) {
        this.limit = limit;
    }

    /** Counts a checkout attempt from the address, refusing it (429) beyond the limit. */
    public void attempt(String address) {
        int n = attempts.get(address == null ? "?" : address, a -> new AtomicInteger()).incrementAndGet();
        if (n > limit) {
            throw new TooManyRequestsException("Too many checkouts from this address: try again later", WINDOW);
        }
    }
}
