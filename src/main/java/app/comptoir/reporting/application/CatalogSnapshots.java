package app.comptoir.reporting.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogFigures.VariantFacts;
import app.comptoir.catalog.CatalogFigures;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.platform.RefreshingCache;
import app.comptoir.platform.TenantContext;
import app.comptoir.reporting.domain.Departments;

/**
 * What the statistics need of the catalog (every variant's product, category, cost and price, and the
 * departments), read once per catalog version on this node rather than on every request: the catalog's
 * version moves after each committed change made on this node; changes made on another node show after at
 * most {@code comptoir.reporting.catalog-snapshot-ttl} (1 min).
 */
@Component
class CatalogSnapshots {

    /** The catalog as the statistics see it. */
    record Snapshot(Map<UUID, VariantFacts> facts, Departments departments) {
    }

    private record Key(UUID tenantId, long version) {
    }

    private final CatalogFigures catalog;
    private final CatalogQueries queries;
    private final TenantContext tenantContext;
    private final RefreshingCache<Key, Snapshot> cache;

    CatalogSnapshots(CatalogFigures catalog, CatalogQueries queries, TenantContext tenantContext,
                     @Value("${comptoir.reporting.catalog-snapshot-ttl:1m}") Duration ttl) {
        this.catalog = catalog;
        this.queries = queries;
        this.tenantContext = tenantContext;
        this.cache = new RefreshingCache<>("catalog snapshot", ttl, 100, tenantContext);
    }

    /** The current tenant's catalog. */
    Snapshot current() {
        UUID tenant = tenantContext.requireTenant();
        return cache.get(new Key(tenant, catalog.version()), tenant, () -> {
            Map<UUID, VariantFacts> facts = new HashMap<>();
            catalog.variants().forEach(f -> facts.put(f.variantId(), f));
            return new Snapshot(Map.copyOf(facts), new Departments(queries.categories()));
        });
    }

    @PreDestroy
    void stop() {
        cache.close();
    }
}
