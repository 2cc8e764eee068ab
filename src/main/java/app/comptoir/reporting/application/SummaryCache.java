package app.comptoir.reporting.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.RefreshingCache;
import app.comptoir.platform.TenantContext;
import app.comptoir.reporting.application.SalesReport.Summary;

/**
 * A per-node cache of dashboard summaries. A summary is kept under the versions of the sales and the
 * catalog it was computed from, so the first read after a committed change to an order (or to the catalog)
 * on this node computes it again: the sales figures are never older than this node's own writes. What
 * the versions do not see — stock movements made outside orders, another node's write whose notification
 * ({@link app.comptoir.platform.CacheEvictions}) was lost — shows after
 * about the time to live ({@code comptoir.reporting.summary-cache-ttl}, 10 s; 0 turns the cache off): an
 * older summary is served while one background task computes it again.
 */
@Component
class SummaryCache {

    /** What a summary depends on. */
    record Key(UUID tenantId, LocalDate from, LocalDate to, String currency, String zone, int top, long salesVersion,
               long catalogVersion) {
    }

    private final RefreshingCache<Key, Summary> cache;

    SummaryCache(@Value("${comptoir.reporting.summary-cache-ttl:10s}") Duration ttl,
                 @Value("${comptoir.reporting.summary-cache-entries:200}") int maxEntries, TenantContext tenantContext) {
        this.cache = new RefreshingCache<>("dashboard summary", ttl, maxEntries, tenantContext);
    }

    /** The summary cached under the key, or the loader's, kept for next time. */
    Summary get(Key key, Supplier<Summary> loader) {
        return cache.get(key, key.tenantId(), loader);
    }

    @PreDestroy
    void stop() {
        cache.close();
    }
}
