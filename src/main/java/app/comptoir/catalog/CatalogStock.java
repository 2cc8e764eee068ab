package app.comptoir.catalog;

import java.util.Map;
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
 * {@code inStock} filter combines with search, facets and paging in one SQL statement) and the available
 * quantity up to {@link #CARD_STOCK_CAP} (so that product cards need no question to the inventory). Inventory
 * calls {@link #stockChanged} only when a level's availability changes at or under the cap, so the read model
 * costs nothing on the hot path of movements and reservations of well-stocked variants.
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

    /**
     * Up to this many, a variant's available quantity is kept exact in the catalog ({@code available_hint}): enough
     * for a product card to say "only a few left" without asking the inventory; above it, only "plenty" is known.
     */
    public static final int CARD_STOCK_CAP = 10;

    /**
     * Records what these variants of the current tenant have available (over their locations, a location below zero
     * counting as zero): whether they are in stock and the figure a card shows, capped at {@link #CARD_STOCK_CAP}, in
     * one statement. The inventory calls it when a level's availability changes at or under the cap.
     */
    public void stockChanged(Map<UUID, Integer> available) {
        if (available.isEmpty()) {
            return;
        }
        UUID tenant = tenantContext.requireTenant();
        if (variants.markStock(tenant, available, CARD_STOCK_CAP) > 0) {
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
