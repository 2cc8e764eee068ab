package app.comptoir.catalog.application;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.ProductQuery;
import app.comptoir.platform.ChangeVersions;
import app.comptoir.platform.RefreshingCache;
import app.comptoir.platform.TenantContext;

/**
 * A small per-node cache of product list responses (the JSON bytes), keyed by tenant, the tenant's
 * catalog version and the query.
 *
 * <ul>
 *   <li>Every catalog write of the tenant on this node moves the version once its transaction
 *       commits, so this node never serves a list older than its own writes.</li>
 *   <li>Writes made on another node of a cluster move the version here a moment after their commit
 *       ({@link app.comptoir.platform.CacheEvictions}); a lost notification shows after about the time to live
 *       ({@code comptoir.catalog.list-cache-ttl}, 5 s; 0 turns the cache off): an entry that has
 *       outlived it is still served while one background task rebuilds it, so no request waits
 *       for the rebuild and a popular list is never rebuilt by many requests at once.</li>
 *   <li>A list not cached yet is built once however many requests ask for it at the same time.</li>
 * </ul>
 * Single products are never cached.
 */
@Component
public class ProductListCache {

    private record Key(UUID tenantId, long version, ProductQuery query) {
    }

    /** The kind of records whose {@link ChangeVersions} the lists are keyed by. */
    private static final String CATALOG = "catalog";

    private final ChangeVersions versions;
    private final RefreshingCache<Key, byte[]> cache;

    ProductListCache(@Value("${comptoir.catalog.list-cache-ttl:5s}") Duration ttl,
                     @Value("${comptoir.catalog.list-cache-entries:500}") int maxEntries, TenantContext tenantContext,
                     ChangeVersions versions) {
        this.versions = versions;
        this.cache = new RefreshingCache<>("product list", ttl, maxEntries, tenantContext);
    }

    /** The cached response for the tenant's query, or the loader's (run with the caller's tenant), kept for next time. */
    public byte[] get(UUID tenantId, ProductQuery query, Supplier<byte[]> loader) {
        return cache.get(new Key(tenantId, version(tenantId), query), tenantId, loader);
    }

    /** The tenant's catalog version on this node: it moves after each committed change to the catalog. */
    public long version(UUID tenantId) {
        return versions.version(tenantId, CATALOG);
    }

    /** Forgets the tenant's cached lists once the current transaction commits (at once without one). */
    public void invalidate(UUID tenantId) {
        versions.changed(tenantId, CATALOG);
    }

    @PreDestroy
    void stop() {
        cache.close();
    }
}
