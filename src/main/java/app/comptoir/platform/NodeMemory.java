package app.comptoir.platform;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * Reading a per-node cache whose answers are read from the database. Caffeine's {@code cache.get(key, loader)} runs
 * the loader while holding the key's lock, and every other caller of that key waits for it. When those callers are
 * inside transactions, each waits holding a pooled connection; when the loader itself has to take a connection (its
 * caller was outside any transaction), a full pool leaves it waiting for them: nobody moves until the pool's
 * time-out (30 s), and every request of the node behind them fails. The checkout benchmark hit this whenever the
 * business's profile expired (every 30 s) with 16 customers ordering.
 *
 * <p>{@link #get} loads without holding any lock: a key missing at the same moment in several threads is read
 * several times (once per thread, each with its own transaction or the one it is in), which for a primary-key read
 * costs less than any wait.
 */
public final class NodeMemory {

    private NodeMemory() {
    }

    /** The cached answer for the key, or the loader's, kept for next time; the loader runs under no lock. */
    public static <K, V> V get(Cache<K, V> cache, K key, Function<? super K, ? extends V> loader) {
        V known = cache.getIfPresent(key);
        if (known != null) {
            return known;
        }
        V loaded = loader.apply(key);
        if (loaded != null) {
            cache.put(key, loaded);
        }
        return loaded;
    }
}
