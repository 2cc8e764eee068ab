package app.comptoir.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.application.ReorderSuggestions;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.persistence.Availability;
import app.comptoir.inventory.persistence.LevelReads;
import app.comptoir.inventory.persistence.LevelReads.LevelRow;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/**
 * Read access to the current tenant's stock: levels and availability (for sales and the catalog). A variant's
 * stock sheet and the movement journal, read only by inventory itself, are in {@code application}.
 */
@Service
@Transactional(readOnly = true)
public class StockQueries {

    /** How many products a text or category filter of the stock list looks at in the catalog. */
    static final int CATALOG_MATCHES = 200;

    private final LevelReads levelReads;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Availability availability;
    private final ReorderSuggestions reorderSuggestions;

    StockQueries(LevelReads levelReads, TenantContext tenantContext, CatalogQueries catalog, Availability availability,
                 ReorderSuggestions reorderSuggestions) {
        this.reorderSuggestions = reorderSuggestions;
        this.levelReads = levelReads;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.availability = availability;
    }

    /** Stock levels (one per variant and location), most recently changed first. */
    public PageResponse<StockLevelView> levels(StockFilter filter, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        UUID[] variantIds = (filter.q() != null && !filter.q().isBlank()) || filter.categoryId() != null
                ? matchingVariants(filter.q(), filter.categoryId()) : null;
        PageResponse<LevelRow> rows = levelReads.page(tenantContext.requireTenant(), filter.locationId(),
                filter.status(), variantIds, page, size);
        return new PageResponse<>(views(rows.items()), rows.total(), page, size);
    }

    /** The levels of one variant at every location where it has stock (empty if it never had any). */
    public List<StockLevelView> variantLevels(UUID variantId) {
        return views(levelReads.ofVariant(tenantContext.requireTenant(), variantId));
    }

    /** The level of one variant at one location (null if it never had stock there). */
    public StockLevelView level(UUID variantId, UUID locationId) {
        List<StockLevelView> found = views(levelReads.at(tenantContext.requireTenant(), variantId, locationId));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Available quantity (all locations together) of each variant that has stock; others are absent. */
    public Map<UUID, Integer> available(Collection<UUID> variantIds) {
        return availability.available(tenantContext.requireTenant(), variantIds);
    }

    /**
     * What to reorder (variants at or under their reorder point, most urgent first, with the quantity inventory
     * suggests from 30 days of outgoing goods, the lead time and the reorder quantity): purchasing subtracts what
     * is already on order and rounds to its suppliers' packs.
     */
    public List<ReorderSuggestion> reorderSuggestions() {
        return reorderSuggestions.all();
    }

    private UUID[] matchingVariants(String q, UUID categoryId) {
        String text = q == null || q.isBlank() ? null : q.strip();
        List<UUID> ids = new ArrayList<>();
        if (text != null) {
            catalog.variantByBarcode(text).ifPresent(v -> ids.add(v.id()));
            catalog.variantBySku(text).ifPresent(v -> ids.add(v.id()));
        }
        catalog.search(new ProductQuery(text, categoryId, null, null, null, null, null, null, 0, CATALOG_MATCHES, false))
                .items().forEach(p -> p.variants().forEach(v -> ids.add(v.id())));
        return ids.stream().distinct().toArray(UUID[]::new);
    }

    private List<StockLevelView> views(List<LevelRow> rows) {
        Map<UUID, VariantSummary> variants = variants(rows.stream().map(LevelRow::variantId).toList());
        return rows.stream().map(r -> {
            VariantSummary v = variants.get(r.variantId());
            StockLevel level = r.level();
            Thresholds t = r.thresholds();
            return new StockLevelView(r.variantId(), v == null ? null : v.sku(), v == null ? null : v.label(),
                    r.locationId(), r.locationName(), level.onHand(), level.reserved(), level.available(),
                    t.alertLevel(), t.overstockLevel(), t.reorderPoint(), t.reorderQuantity(),
                    StockRules.status(level, t));
        }).toList();
    }

    Map<UUID, VariantSummary> variants(Collection<UUID> ids) {
        return catalog.variants(ids).stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
    }
}
