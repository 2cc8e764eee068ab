package app.comptoir.platform;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small per-node cache of computed answers, for keys that carry everything the answer depends on
 * (typically the tenant, the question and a version that moves on every committed change), kept in a
 * Caffeine cache:
 * <ul>
 *   <li>an answer not cached yet is computed once however many requests outside any transaction ask for it at
 *       the same time, on the thread of the first of them (so with its tenant); a request inside a transaction
 *       never waits for another's computation but computes the answer itself (see {@link #get});</li>
 *   <li>an answer older than the time to live is still served while one background task (run as the key's
 *       tenant) computes it again, so no request waits for the rebuild and a popular answer is never
 *       rebuilt by many requests at once;</li>
 *   <li>at most {@code maxEntries} answers are kept (Caffeine's size eviction); a time to live of zero (or no
 *       entries) turns the cache off;</li>
 *   <li>a failed computation is not kept: the next request computes the answer again.</li>
 * </ul>
 */
public final class RefreshingCache<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefreshingCache.class);

    private record Cached<V>(V value, long expiresAt) {
    }

    private final String name;
    private final long ttlNanos;
    private final boolean enabled;
    private final TenantContext tenantContext;
    private final AsyncCache<K, Cached<V>> entries;
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();

    public RefreshingCache(String name, Duration ttl, int maxEntries, TenantContext tenantContext) {
        this.name = name;
        this.ttlNanos = ttl.toNanos();
        this.enabled = ttlNanos > 0 && maxEntries > 0;
        this.tenantContext = tenantContext;
        // Caffeine's upkeep (evicting past the size bound) is quick: done on the calling thread, the bound holds
        // at once rather than after a background task.
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries)).executor(Runnable::run).buildAsync();
    }

    /**
     * The cached answer for the key, or the loader's (run as the given tenant when refreshing), kept for next time.
     *
     * <p>A caller inside a transaction holds a pooled connection: waiting there for another thread's computation,
     * which may itself wait for a connection (its caller was outside any transaction), can leave the whole pool
     * waiting until its time-out, as {@link NodeMemory} explains. Such a caller therefore only takes a finished
     * answer; while the key's first computation is under way it computes the answer itself, with the connection it
     * already has.
     */
    public V get(K key, UUID tenantId, Supplier<V> loader) {
        if (!enabled) {
            return loader.get();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            CompletableFuture<Cached<V>> known = entries.getIfPresent(key);
            if (known == null || !known.isDone() || known.isCompletedExceptionally()) {
                V value = loader.get();
                if (known == null) {
                    entries.asMap().putIfAbsent(key,
                            CompletableFuture.completedFuture(new Cached<>(value, System.nanoTime() + ttlNanos)));
                }
                return value;
            }
            Cached<V> cached = known.join();
            if (cached.expiresAt() - System.nanoTime() <= 0) {
                refreshInBackground(key, tenantId, loader);
            }
            return cached.value();
        }
        CompletableFuture<Cached<V>> mine = new CompletableFuture<>();
        // An answer being computed by another request is waited for rather than computed twice.
        CompletableFuture<Cached<V>> other = entries.asMap().putIfAbsent(key, mine);
        if (other != null) {
            Cached<V> cached = join(other);
            if (cached.expiresAt() - System.nanoTime() <= 0) {
                refreshInBackground(key, tenantId, loader);
            }
            return cached.value();
        }
        try {
            V value = loader.get();
            mine.complete(new Cached<>(value, System.nanoTime() + ttlNanos));
            return value;
        } catch (RuntimeException e) {
            // Caffeine drops an entry whose future fails.
            mine.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private void refreshInBackground(K key, UUID tenantId, Supplier<V> loader) {
        if (!refreshing.add(key)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    V value = tenantContext.callAs(tenantId, loader::get);
                    entries.put(key, CompletableFuture.completedFuture(new Cached<>(value, System.nanoTime() + ttlNanos)));
                } catch (RuntimeException e) {
                    log.debug("Could not refresh a cached {}", name, e);
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RuntimeException e) {
            refreshing.remove(key);
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
