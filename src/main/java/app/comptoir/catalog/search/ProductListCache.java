package app.comptoir.catalog.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.catalog.ProductQuery;

/**
 * A small per-node cache of product list responses (the JSON bytes), keyed by tenant, the tenant's
 * catalog version and the query. Every catalog write of the tenant on this node moves the version
 * once its transaction commits, so this node never serves a list older than its own writes; writes
 * made on another node of a cluster show after at most the time to live
 * ({@code comptoir.catalog.list-cache-ttl}, 5 s; 0 turns the cache off). Single products are never
 * cached.
 */
@Component
public class ProductListCache {

    private record Key(UUID tenantId, long version, ProductQuery query) {
    }

    private record Cached(byte[] body, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    private final LinkedHashMap<Key, Cached> entries;

    ProductListCache(@Value("${comptoir.catalog.list-cache-ttl:5s}") Duration ttl,
                     @Value("${comptoir.catalog.list-cache-entries:500}") int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > ProductListCache.this.maxEntries;
            }
        };
    }

    /** The cached response for the query, or the loader's, kept for next time. */
    public byte[] get(UUID tenantId, ProductQuery query, Supplier<byte[]> loader) {
        if (ttlNanos <= 0 || maxEntries <= 0) {
            return loader.get();
        }
        Key key = new Key(tenantId, versions.getOrDefault(tenantId, 0L), query);
        long now = System.nanoTime();
        synchronized (entries) {
            Cached entry = entries.get(key);
            if (entry != null && entry.expiresAt() - now > 0) {
                return entry.body();
            }
        }
        byte[] body = loader.get();
        synchronized (entries) {
            entries.put(key, new Cached(body, now + ttlNanos));
        }
        return body;
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

    private void bump(UUID tenantId) {
        versions.merge(tenantId, 1L, Long::sum);
    }
}
