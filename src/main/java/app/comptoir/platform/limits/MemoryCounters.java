package app.comptoir.platform.limits;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import app.comptoir.platform.SharedCounters;

/**
 * Counters in this node's memory ({@code comptoir.limits.store=memory}): no round trip at all, for a single node
 * only (n nodes would allow n times every cap). Bounded in size: beyond, the least recently used key starts afresh.
 * Concurrency: a hit is one atomic {@code compute} on the key's entry.
 */
final class MemoryCounters implements SharedCounters {

    private static final int MAX_KEYS = 200_000;

    private record Window(long endsAt, long hits) {
    }

    private final Clock clock;
    private final Cache<String, Window> windows;

    MemoryCounters(Clock clock) {
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfter(Expiry.<String, Window>writing((key, window) ->
                        Duration.ofMillis(Math.max(0, window.endsAt() - clock.millis()))))
                .build();
    }

    @Override
    public Count hit(String key, Duration window) {
        long now = clock.millis();
        Window current = windows.asMap().compute(key, (k, w) -> w == null || w.endsAt() <= now
                ? new Window(now + window.toMillis(), 1) : new Window(w.endsAt(), w.hits() + 1));
        return new Count(current.hits(), Duration.ofMillis(current.endsAt() - now));
    }
}
