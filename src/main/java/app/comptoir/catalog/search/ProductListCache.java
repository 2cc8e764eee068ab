package app.comptoir.catalog.search;

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

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.catalog.ProductQuery;
import app.comptoir.platform.TenantContext;

/**
 * A small per-node cache of product list responses (the JSON bytes), keyed by tenant, the tenant's
 * catalog version and the query.
 *
 * <ul>
 *   <li>Every catalog write of the tenant on this node moves the version once its transaction
 *       commits, so this node never serves a list older than its own writes.</li>
 *   <li>Writes made on another node of a cluster show after about the time to live
 *       ({@code comptoir.catalog.list-cache-ttl}, 5 s; 0 turns the cache off): an entry that has
 *       outlived it is still served while one background task rebuilds it, so no request waits
 *       for the rebuild and a popular list is never rebuilt by many requests at once.</li>
 *   <li>A list not cached yet is built once however many requests ask for it at the same time.</li>
 * </ul>
 * Single products are never cached.
 */
@Component
public class ProductListCache {

    private static final Logger log = LoggerFactory.getLogger(ProductListCache.class);

    private record Key(UUID tenantId, long version, ProductQuery query) {
    }

    private record Cached(byte[] body, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final TenantContext tenantContext;
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<byte[]>> building = new ConcurrentHashMap<>();
    private final LinkedHashMap<Key, Cached> entries;
    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();

    ProductListCache(@Value("${comptoir.catalog.list-cache-ttl:5s}") Duration ttl,
                     @Value("${comptoir.catalog.list-cache-entries:500}") int maxEntries, TenantContext tenantContext) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.tenantContext = tenantContext;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > ProductListCache.this.maxEntries;
            }
        };
    }

    /** The cached response for the tenant's query, or the loader's (run with the caller's tenant), kept for next time. */
    public byte[] get(UUID tenantId, ProductQuery query, Supplier<byte[]> loader) {
        if (ttlNanos <= 0 || maxEntries <= 0) {
            return loader.get();
        }
        Key key = new Key(tenantId, versions.getOrDefault(tenantId, 0L), query);
        Cached cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached != null) {
            if (cached.expiresAt() - System.nanoTime() <= 0) {
                refreshInBackground(key, loader);
            }
            return cached.body();
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> other = building.putIfAbsent(key, mine);
        if (other != null) {
            return join(other);
        }
        return build(key, loader, mine);
    }

    /** Forgets the tenant's cached lists once the current transaction commits (at once without one). */
    public void invalidate(UUID tenantId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump(tenantId);
                }
            });
        } else {
            bump(tenantId);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private void refreshInBackground(Key key, Supplier<byte[]> loader) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        if (building.putIfAbsent(key, mine) != null) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    tenantContext.runAs(key.tenantId(), () -> build(key, loader, mine));
                } catch (RuntimeException e) {
                    log.debug("Could not refresh a cached product list", e);
                }
            });
        } catch (RuntimeException e) {
            building.remove(key, mine);
            mine.cancel(false);
        }
    }

    private byte[] build(Key key, Supplier<byte[]> loader, CompletableFuture<byte[]> mine) {
        try {
            byte[] body = loader.get();
            synchronized (entries) {
                entries.put(key, new Cached(body, System.nanoTime() + ttlNanos));
            }
            mine.complete(body);
            return body;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key, mine);
        }
    }

    private static byte[] join(CompletableFuture<byte[]> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void bump(UUID tenantId) {
        versions.merge(tenantId, 1L, Long::sum);
    }
}
