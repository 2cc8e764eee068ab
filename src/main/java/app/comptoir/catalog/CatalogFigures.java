package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.persistence.VariantSummaries;
import app.comptoir.platform.TenantContext;

/** The catalog facts that statistics need for every variant at once: product, category, cost and price. */
@Service
@Transactional(readOnly = true)
public class CatalogFigures {

    /** One variant (not deleted) with its product's name and category, its cost (may be unknown) and price. */
    public record VariantFacts(UUID variantId, String sku, UUID productId, String productName, UUID categoryId,
                               BigDecimal cost, BigDecimal price) {
    }

    private final VariantSummaries variants;
    private final TenantContext tenantContext;
    private final ProductListCache listCache;

    CatalogFigures(VariantSummaries variants, TenantContext tenantContext, ProductListCache listCache) {
        this.variants = variants;
        this.tenantContext = tenantContext;
        this.listCache = listCache;
    }

    /**
     * A number that moves whenever the current tenant's catalog changes and the change is committed on this
     * node (the version the product list cache is keyed by): facts read under one version may be kept until it moves.
     * A number in this node's memory: no transaction is opened for it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public long version() {
        return listCache.version(tenantContext.requireTenant());
    }

    /** Every variant of the current tenant (deleted products and variants left out). */
    public List<VariantFacts> variants() {
        return variants.facts(tenantContext.requireTenant());
    }
}
