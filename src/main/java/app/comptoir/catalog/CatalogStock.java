package app.comptoir.catalog;

import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.persistence.VariantSummaries;
import app.comptoir.platform.TenantContext;

/**
 * What the inventory tells the catalog about stock, so that product lists can show stock figures and
 * filter on {@code inStock} without the catalog reading inventory's tables.
 *
 * <p>The catalog keeps a denormalised {@code in_stock} flag per variant (its own column, so the
 * {@code inStock} filter combines with search, facets and paging in one SQL statement). Inventory
 * calls {@link #inStockChanged} only when a variant's availability crosses zero, which is rare, so the
 * flag costs nothing on the hot path of movements and reservations.
 */
@Service
@Transactional
public class CatalogStock {

    private final VariantSummaries variants;
    private final TenantContext tenantContext;
    private final ProductListCache listCache;

    CatalogStock(VariantSummaries variants, TenantContext tenantContext, ProductListCache listCache) {
        this.variants = variants;
        this.tenantContext = tenantContext;
        this.listCache = listCache;
    }

    /** Records whether these variants of the current tenant have stock available (in one statement). */
    public void inStockChanged(Collection<UUID> variantIds, boolean inStock) {
        if (variantIds.isEmpty()) {
            return;
        }
        UUID tenant = tenantContext.requireTenant();
        if (variants.markInStock(tenant, variantIds, inStock) > 0) {
            listCache.invalidate(tenant);
        }
    }

    /**
     * Says that stock figures of the current tenant changed: the cached product lists of this node,
     * which show them, are dropped once the transaction commits (another node shows the new figures
     * within its list cache's time to live).
     */
    public void figuresChanged() {
        listCache.invalidate(tenantContext.requireTenant());
    }
}
