package app.comptoir.inventory.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.ReorderSuggestion;
import app.comptoir.inventory.domain.Reorder;
import app.comptoir.inventory.persistence.FigureReads;
import app.comptoir.inventory.persistence.FigureReads.ReorderRow;
import app.comptoir.platform.TenantContext;

/** What to reorder: variants at or under their reorder point (all locations together), most urgent first. */
@Service
@Transactional(readOnly = true)
public class ReorderSuggestions {

    private final FigureReads figures;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Clock clock;

    ReorderSuggestions(FigureReads figures, TenantContext tenantContext, CatalogQueries catalog, Clock clock) {
        this.figures = figures;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<ReorderSuggestion> all() {
        List<ReorderRow> rows = figures.reorderCandidates(tenantContext.requireTenant(),
                clock.instant().minus(Duration.ofDays(Reorder.WINDOW_DAYS)));
        Map<UUID, VariantSummary> variants = catalog.variants(rows.stream().map(ReorderRow::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        // Variants gone from the catalog are left out.
        return rows.stream().filter(r -> variants.containsKey(r.variantId())).map(r -> {
            VariantSummary v = variants.get(r.variantId());
            int leadTime = Reorder.leadTime(r.leadTimeDays());
            BigDecimal perDay = Reorder.averageDailyOut(r.unitsOut());
            return new ReorderSuggestion(r.variantId(), v.sku(), v.label(), r.available(), r.reorderPoint(),
                    r.reorderQuantity(), perDay, leadTime,
                    Reorder.suggestedQuantity(r.available(), r.reorderPoint(), r.reorderQuantity(), perDay, leadTime));
        }).toList();
    }
}
