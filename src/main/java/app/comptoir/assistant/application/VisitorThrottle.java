package app.comptoir.assistant.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.TooManyRequestsException;

/**
 * Questions to booking pages' assistants per client address: at most
 * {@code comptoir.assistant.visitor-questions-per-address} (default 20) in 10 minutes, then 429 with
 * {@code Retry-After}. Counted in this node's memory like the storefront's checkouts per address (a window per
 * address, bounded in size): it keeps a script from spending a business's tokens, it is not an accounting.
 */
@Component
public class VisitorThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int limit;
    private final Cache<String, AtomicInteger> questions = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();

    VisitorThrottle(@Value("${comptoir.assistant.visitor-questions-per-address:20}") int limit) {
        this.limit = limit;
    }

    /** Counts a question from the address, refusing it (429) beyond the limit. */
    public void question(String address) {
        int n = questions.get(address == null ? "?" : address, a -> new AtomicInteger()).incrementAndGet();
        if (n > limit) {
            throw new TooManyRequestsException("Too many questions from this address: try again later", WINDOW);
        }
    }
}
