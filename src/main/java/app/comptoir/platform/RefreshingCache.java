package app.comptoir.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small per-node cache of computed answers, for keys that carry everything the answer depends on
 * (typically the tenant, the question and a version that moves on every committed change):
 * <ul>
 *   <li>an answer not cached yet is computed once however many requests ask for it at the same time;</li>
 *   <li>an answer older than the time to live is still served while one background task (run as the key's
 *       tenant) computes it again, so no request waits for the rebuild and a popular answer is never
 *       rebuilt by many requests at once;</li>
 *   <li>at most {@code maxEntries} answers are kept, the least recently used going first; a time to live of
 *       zero (or no entries) turns the cache off.</li>
 * </ul>
 */
public final class RefreshingCache<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefreshingCache.class);

    private record Cached<V>(V value, long expiresAt) {
    }

    private final String name;
    private final long ttlNanos;
    private final int maxEntries;
    private final TenantContext tenantContext;
    private final Map<K, CompletableFuture<V>> building = new ConcurrentHashMap<>();
    private final LinkedHashMap<K, Cached<V>> entries;
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();

    public RefreshingCache(String name, Duration ttl, int maxEntries, TenantContext tenantContext) {
        this.name = name;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.tenantContext = tenantContext;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Cached<V>> eldest) {
                return size() > RefreshingCache.this.maxEntries;
            }
        };
    }

    /** The cached answer for the key, or the loader's (run as the given tenant when refreshing), kept for next time. */
    public V get(K key, UUID tenantId, Supplier<V> loader) {
        if (ttlNanos <= 0 || maxEntries <= 0) {
            return loader.get();
        }
        Cached<V> cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached != null) {
            if (cached.expiresAt() - System.nanoTime() <= 0) {
                refreshInBackground(key, tenantId, loader);
            }
            return cached.value();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = building.putIfAbsent(key, mine);
        if (other != null) {
            return join(other);
        }
        return build(key, loader, mine);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private void refreshInBackground(K key, UUID tenantId, Supplier<V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        if (building.putIfAbsent(key, mine) != null) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    tenantContext.runAs(tenantId, () -> build(key, loader, mine));
                } catch (RuntimeException e) {
                    log.debug("Could not refresh a cached {}", name, e);
                }
            });
        } catch (RuntimeException e) {
            building.remove(key, mine);
            mine.cancel(false);
        }
    }

    private V build(K key, Supplier<V> loader, CompletableFuture<V> mine) {
        try {
            V value = loader.get();
            synchronized (entries) {
                entries.put(key, new Cached<>(value, System.nanoTime() + ttlNanos));
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key, mine);
        }
    }

    private static <V> V join(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
