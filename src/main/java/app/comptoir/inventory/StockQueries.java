package app.comptoir.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.Availability;
import app.comptoir.inventory.persistence.LevelReads;
import app.comptoir.inventory.persistence.LevelReads.LevelRow;
import app.comptoir.inventory.persistence.MovementStore;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/** Read access to the current tenant's stock: levels, the ledger, availability (for sales and the catalog). */
@Service
@Transactional(readOnly = true)
public class StockQueries {

    /** How many products a text or category filter of the stock list looks at in the catalog. */
    static final int CATALOG_MATCHES = 200;

    private final LevelReads levelReads;
    private final MovementStore ledger;
    private final AlertStore alertStore;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Availability availability;

    StockQueries(LevelReads levelReads, MovementStore ledger, AlertStore alertStore, TenantContext tenantContext,
                 CatalogQueries catalog, Availability availability) {
        this.levelReads = levelReads;
        this.ledger = ledger;
        this.alertStore = alertStore;
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

    /** A variant's stock over all locations with its thresholds (zeros if it never had stock). */
    public VariantStock variantStock(UUID variantId) {
        VariantSummary variant = catalog.variant(variantId)
                .orElseThrow(() -> new NotFoundException("Variant", variantId.toString()));
        List<StockLevelView> levels = variantLevels(variantId);
        Thresholds t = alertStore.thresholds(tenantContext.requireTenant(), variantId);
        StockLevel total = new StockLevel(levels.stream().mapToInt(StockLevelView::onHand).sum(),
                levels.stream().mapToInt(StockLevelView::reserved).sum());
        return new VariantStock(variantId, variant.sku(), variant.label(), total.onHand(), total.reserved(),
                total.available(), t.alertLevel(), t.overstockLevel(), t.reorderPoint(), t.reorderQuantity(),
                t.leadTimeDays(), StockRules.status(total, t), levels);
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

    /** The journal of movements, newest first. */
    public PageResponse<Movement> movements(MovementFilter filter, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        PageResponse<Movement> rows = ledger.page(tenantContext.requireTenant(), filter, page, size);
        return new PageResponse<>(labelled(rows.items()), rows.total(), page, size);
    }

    /** One movement of the ledger. */
    public Optional<Movement> movement(UUID id) {
        return labelled(ledger.find(tenantContext.requireTenant(), id).stream().toList()).stream().findFirst();
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

    private List<Movement> labelled(List<Movement> rows) {
        Map<UUID, VariantSummary> variants = variants(rows.stream().map(Movement::variantId).toList());
        return rows.stream().map(m -> {
            VariantSummary v = variants.get(m.variantId());
            return v == null ? m : new Movement(m.id(), m.variantId(), v.sku(), v.label(), m.type(), m.quantity(),
                    m.change(), m.locationId(), m.toLocationId(), m.balanceAfter(), m.reason(), m.reference(),
                    m.actorId(), m.occurredAt());
        }).toList();
    }

    Map<UUID, VariantSummary> variants(Collection<UUID> ids) {
        return catalog.variants(ids).stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
    }
}
