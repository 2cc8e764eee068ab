package app.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.persistence.VariantCostStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/**
 * A variant's cost (what the business pays for it), for the modules that learn it: purchasing changes it when
 * goods are received. The caller has checked the user may do the act that changes it (a receipt); the change is
 * audited like every catalog write (entity {@code variant}) and shows in the product lists at once.
 */
@Service
@Transactional
public class VariantCosts {

    private final VariantCostStore store;
    private final TenantContext tenantContext;
    private final AuditRecorder audit;
    private final ProductListCache listCache;
    private final Clock clock;

    VariantCosts(VariantCostStore store, TenantContext tenantContext, AuditRecorder audit, ProductListCache listCache,
                 Clock clock) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.audit = audit;
        this.listCache = listCache;
        this.clock = clock;
    }

    /** The live variant's cost, empty when it has none (or there is no such variant). */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> cost(UUID variantId) {
        return store.cost(tenantContext.requireTenant(), variantId);
    }

    /** Sets the live variant's cost (nothing is written when it is already that); an unknown variant is a field error. */
    public void changeCost(UUID variantId, BigDecimal cost) {
        if (cost == null || cost.signum() < 0) {
            throw InvalidInputException.field("cost", "must be 0 or more");
        }
        UUID tenant = tenantContext.requireTenant();
        Optional<BigDecimal> before = store.lockCost(tenant, variantId)
                .orElseThrow(() -> InvalidInputException.field("variantId", "unknown variant"));
        if (before.isPresent() && before.get().compareTo(cost) == 0) {
            return;
        }
        UUID by = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        store.setCost(tenant, variantId, cost, clock.instant(), by);
        audit.record("variant", variantId, "UPDATE", java.util.Collections.singletonMap("cost", before.orElse(null)),
                Map.of("cost", cost));
        listCache.invalidate(tenant);
    }
}
