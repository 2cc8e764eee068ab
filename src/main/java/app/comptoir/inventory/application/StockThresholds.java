package app.comptoir.inventory.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.inventory.application.AlertDetector;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.domain.StockThreshold;
import app.comptoir.inventory.persistence.StockThresholdRepository;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockQueries;
import app.comptoir.inventory.domain.Thresholds;

/** Sets a variant's thresholds (audited) and re-checks its alerts against them. */
@Service
@Transactional
public class StockThresholds {

    private final StockThresholdRepository repository;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final StockQueries queries;
    private final StockLocations locations;
    private final AlertDetector alerts;
    private final Permissions permissions;

    StockThresholds(StockThresholdRepository repository, TenantContext tenantContext, CatalogQueries catalog,
                    StockQueries queries, StockLocations locations, AlertDetector alerts, Permissions permissions) {
        this.permissions = permissions;
        this.repository = repository;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.queries = queries;
        this.locations = locations;
        this.alerts = alerts;
    }

    /** The variant's thresholds (all null when never set). */
    @Transactional(readOnly = true)
    public Thresholds of(UUID variantId) {
        return repository.findByTenantIdAndVariantId(tenantContext.requireTenant(), variantId)
                .map(StockThreshold::thresholds).orElse(Thresholds.none());
    }

    /** Replaces the variant's thresholds and returns its levels. */
    public List<StockLevelView> set(UUID variantId, Thresholds thresholds) {
        permissions.require(Permission.STOCK_WRITE);
        UUID tenant = tenantContext.requireTenant();
        catalog.variant(variantId).orElseThrow(() -> new NotFoundException("Variant", variantId.toString()));
        StockThreshold threshold = repository.findByTenantIdAndVariantId(tenant, variantId)
                .orElseGet(() -> new StockThreshold(Ids.newId(), tenant, variantId));
        threshold.set(thresholds);
        repository.saveAndFlush(threshold);
        locations.defaultLocation();
        List<StockLevelView> levels = queries.variantLevels(variantId);
        for (StockLevelView level : levels) {
            alerts.levelChanged(tenant, variantId, level.locationId(),
                    new LevelStore.Level(level.onHand(), level.reserved()), false);
        }
        return levels;
    }
}
