package app.comptoir.inventory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.Availability;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/** Read access to the current tenant's stock: levels, the ledger, availability (for sales and the catalog). */
@Service
@Transactional(readOnly = true)
public class StockQueries {

    /** How many products a text or category filter of the stock list looks at in the catalog. */
    static final int CATALOG_MATCHES = 200;

    private static final String LEVELS = """
            from stock_levels l
            join stock_locations loc on loc.tenant_id = l.tenant_id and loc.id = l.location_id
            left join stock_thresholds t on t.tenant_id = l.tenant_id and t.variant_id = l.variant_id
            where l.tenant_id = ?""";

    private static final String AVAILABLE = "(l.on_hand - l.reserved)";

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Availability availability;
    private final AlertStore alertStore;

    StockQueries(JdbcTemplate jdbc, TenantContext tenantContext, CatalogQueries catalog, Availability availability,
                 AlertStore alertStore) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.availability = availability;
        this.alertStore = alertStore;
    }

    /** Stock levels (one per variant and location), most recently changed first. */
    public PageResponse<StockLevelView> levels(StockFilter filter, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        UUID tenant = tenantContext.requireTenant();
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        if (filter.locationId() != null) {
            where.append(" and l.location_id = ?");
            args.add(filter.locationId());
        }
        if (filter.status() != null) {
            where.append(" and ").append(statusCondition(filter.status()));
        }
        if ((filter.q() != null && !filter.q().isBlank()) || filter.categoryId() != null) {
            UUID[] ids = matchingVariants(filter.q(), filter.categoryId());
            where.append(" and l.variant_id = any(?)");
            args.add(ids);
        }
        Long total = jdbc.queryForObject("select count(*) " + LEVELS + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<LevelRow> rows = jdbc.query("select l.*, loc.name as location_name, t.alert_level, t.overstock_level,"
                        + " t.reorder_point, t.reorder_quantity " + LEVELS + where
                        + " order by l.updated_at desc, l.variant_id, loc.name limit ? offset ?",
                (rs, i) -> new LevelRow(rs.getObject("variant_id", UUID.class), rs.getObject("location_id", UUID.class),
                        rs.getString("location_name"), rs.getInt("on_hand"), rs.getInt("reserved"),
                        (Integer) rs.getObject("alert_level"), (Integer) rs.getObject("overstock_level"),
                        (Integer) rs.getObject("reorder_point"), (Integer) rs.getObject("reorder_quantity")),
                args.toArray());
        return new PageResponse<>(views(rows), total == null ? 0 : total, page, size);
    }

    /** A variant's stock over all locations with its thresholds (zeros if it never had stock). */
    public VariantStock variantStock(UUID variantId) {
        VariantSummary variant = catalog.variant(variantId)
                .orElseThrow(() -> new app.comptoir.platform.NotFoundException("Variant", variantId.toString()));
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
        return views(levelRows(" and l.variant_id = ? order by loc.is_default desc, loc.name", variantId));
    }

    /** The level of one variant at one location (zero if it never had stock there). */
    public StockLevelView level(UUID variantId, UUID locationId) {
        List<StockLevelView> found = views(levelRows(" and l.variant_id = ? and l.location_id = ?", variantId,
                locationId));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Available quantity (all locations together) of each variant that has stock; others are absent. */
    public Map<UUID, Integer> available(Collection<UUID> variantIds) {
        return availability.available(tenantContext.requireTenant(), variantIds);
    }

    /** The journal of movements, newest first. */
    public PageResponse<Movement> movements(MovementFilter filter, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        StringBuilder where = new StringBuilder(" where m.tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenantContext.requireTenant());
        if (filter.type() != null) {
            where.append(" and m.type = ?");
            args.add(filter.type().name());
        }
        if (filter.variantId() != null) {
            where.append(" and m.variant_id = ?");
            args.add(filter.variantId());
        }
        if (filter.locationId() != null) {
            where.append(" and (m.location_id = ? or m.to_location_id = ?)");
            args.add(filter.locationId());
            args.add(filter.locationId());
        }
        if (filter.from() != null) {
            where.append(" and m.occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and m.occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from stock_movements m" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Movement> rows = jdbc.query("select m.* from stock_movements m" + where
                + " order by m.occurred_at desc, m.id desc limit ? offset ?", (rs, i) -> movementRow(rs), args.toArray());
        return new PageResponse<>(labelled(rows), total == null ? 0 : total, page, size);
    }

    /** One movement of the ledger. */
    public Optional<Movement> movement(UUID id) {
        return labelled(jdbc.query("select m.* from stock_movements m where m.tenant_id = ? and m.id = ?",
                (rs, i) -> movementRow(rs), tenantContext.requireTenant(), id)).stream().findFirst();
    }

    /** The SQL pre-filter of a status: the same conditions as {@link StockRules#status}. */
    static String statusCondition(StockStatus status) {
        String low = "(t.alert_level is not null and " + AVAILABLE + " <= t.alert_level)";
        return switch (status) {
            case OUT -> AVAILABLE + " <= 0";
            case LOW -> "(" + AVAILABLE + " > 0 and " + low + ")";
            case OVERSTOCK -> "(" + AVAILABLE + " > 0 and not coalesce(" + low + ", false)"
                    + " and t.overstock_level is not null and l.on_hand > t.overstock_level)";
            case OK -> "(" + AVAILABLE + " > 0 and not coalesce(" + low + ", false)"
                    + " and not coalesce(t.overstock_level is not null and l.on_hand > t.overstock_level, false))";
        };
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

    private List<LevelRow> levelRows(String where, Object... extra) {
        List<Object> args = new ArrayList<>();
        args.add(tenantContext.requireTenant());
        args.addAll(List.of(extra));
        return jdbc.query("select l.*, loc.name as location_name, t.alert_level, t.overstock_level, t.reorder_point,"
                        + " t.reorder_quantity " + LEVELS + where,
                (rs, i) -> new LevelRow(rs.getObject("variant_id", UUID.class), rs.getObject("location_id", UUID.class),
                        rs.getString("location_name"), rs.getInt("on_hand"), rs.getInt("reserved"),
                        (Integer) rs.getObject("alert_level"), (Integer) rs.getObject("overstock_level"),
                        (Integer) rs.getObject("reorder_point"), (Integer) rs.getObject("reorder_quantity")),
                args.toArray());
    }

    private List<StockLevelView> views(List<LevelRow> rows) {
        Map<UUID, VariantSummary> variants = variants(rows.stream().map(LevelRow::variantId).toList());
        return rows.stream().map(r -> {
            VariantSummary v = variants.get(r.variantId());
            int available = r.onHand() - r.reserved();
            return new StockLevelView(r.variantId(), v == null ? null : v.sku(), v == null ? null : v.label(),
                    r.locationId(), r.locationName(), r.onHand(), r.reserved(), available, r.alertLevel(),
                    r.overstockLevel(), r.reorderPoint(), r.reorderQuantity(),
                    StockRules.status(new StockLevel(r.onHand(), r.reserved()),
                            Thresholds.watched(r.alertLevel(), r.overstockLevel(), r.reorderPoint())));
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

    private static Movement movementRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        int change = rs.getInt("quantity");
        return new Movement(rs.getObject("id", UUID.class), rs.getObject("variant_id", UUID.class), null, null,
                MovementType.valueOf(rs.getString("type")), Math.abs(change), change,
                rs.getObject("location_id", UUID.class), rs.getObject("to_location_id", UUID.class),
                (Integer) rs.getObject("balance_after"), rs.getString("reason"), rs.getString("reference"),
                rs.getObject("actor_id", UUID.class), rs.getTimestamp("occurred_at").toInstant());
    }

    private record LevelRow(UUID variantId, UUID locationId, String locationName, int onHand, int reserved,
                            Integer alertLevel, Integer overstockLevel, Integer reorderPoint, Integer reorderQuantity) {
    }
}
