package app.comptoir.inventory.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockQueries;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/** A variant's stock sheet (all locations, thresholds, status), for inventory's own screens and API. */
@Service
@Transactional(readOnly = true)
public class VariantStocks {

    private final StockQueries queries;
    private final AlertStore alertStore;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;

    VariantStocks(StockQueries queries, AlertStore alertStore, TenantContext tenantContext, CatalogQueries catalog) {
        this.queries = queries;
        this.alertStore = alertStore;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
    }

    /** A variant's stock over all locations with its thresholds (zeros if it never had stock). */
    public VariantStock of(UUID variantId) {
        VariantSummary variant = catalog.variant(variantId)
                .orElseThrow(() -> new NotFoundException("Variant", variantId.toString()));
        List<StockLevelView> levels = queries.variantLevels(variantId);
        Thresholds t = alertStore.thresholds(tenantContext.requireTenant(), variantId);
        StockLevel total = new StockLevel(levels.stream().mapToInt(StockLevelView::onHand).sum(),
                levels.stream().mapToInt(StockLevelView::reserved).sum());
        return new VariantStock(variantId, variant.sku(), variant.label(), total.onHand(), total.reserved(),
                total.available(), t.alertLevel(), t.overstockLevel(), t.reorderPoint(), t.reorderQuantity(),
                t.leadTimeDays(), StockRules.status(total, t), levels);
    }
}
