package app.comptoir.inventory.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;
import app.comptoir.inventory.domain.AlertType;

/** The tenant's stock alerts: listing (open ones first), grouping, reading and dismissing. */
@Service
@Transactional
public class Alerts {

    /** The states an alert goes through; RESOLVED is set by the detector when the condition ends. */
    public static final List<String> STATES = List.of("NEW", "READ", "DISMISSED", "RESOLVED");
    public static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Clock clock;

    Alerts(JdbcTemplate jdbc, TenantContext tenantContext, CatalogQueries catalog, Clock clock) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Alerts, newest first; without a state, the open ones (new and read). */
    @Transactional(readOnly = true)
    public PageResponse<AlertView> list(String state, String severity, AlertType type, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenantContext.requireTenant());
        if (state == null || state.isBlank()) {
            where.append(" and state in ('NEW', 'READ')");
        } else if (!"ALL".equalsIgnoreCase(state)) {
            where.append(" and state = ?");
            args.add(check("state", state, STATES));
        }
        if (severity != null && !severity.isBlank()) {
            where.append(" and severity = ?");
            args.add(check("severity", severity, SEVERITIES));
        }
        if (type != null) {
            where.append(" and type = ?");
            args.add(type.name());
        }
        Long total = jdbc.queryForObject("select count(*) from stock_alerts" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<AlertView> rows = jdbc.query("select * from stock_alerts" + where
                + " order by raised_at desc, id desc limit ? offset ?", (rs, i) -> {
            AlertType t = AlertType.valueOf(rs.getString("type"));
            UUID variant = rs.getObject("variant_id", UUID.class);
            boolean reorder = t == AlertType.LOW_STOCK || t == AlertType.OUT_OF_STOCK;
            return new AlertView(rs.getObject("id", UUID.class), t, rs.getString("severity"), rs.getString("state"),
                    variant, null, null, rs.getObject("location_id", UUID.class), rs.getInt("available"),
                    (Integer) rs.getObject("threshold"), rs.getTimestamp("raised_at").toInstant(),
                    instant(rs.getTimestamp("read_at")), instant(rs.getTimestamp("resolved_at")),
                    reorder ? "reorder" : "adjust",
                    reorder ? "/app/inventory/stock/reorder" : "/app/inventory/stock/variants/" + variant);
        }, args.toArray());
        Map<UUID, VariantSummary> variants = catalog.variants(rows.stream().map(AlertView::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        List<AlertView> labelled = rows.stream().map(a -> {
            VariantSummary v = variants.get(a.variantId());
            return v == null ? a : new AlertView(a.id(), a.type(), a.severity(), a.state(), a.variantId(), v.sku(),
                    v.label(), a.locationId(), a.available(), a.threshold(), a.raisedAt(), a.readAt(), a.resolvedAt(),
                    a.action(), a.actionLink());
        }).toList();
        return new PageResponse<>(labelled, total == null ? 0 : total, page, size);
    }

    /** How many open alerts there are of each type (and of each state among them). */
    @Transactional(readOnly = true)
    public Map<AlertType, Map<String, Long>> openCounts() {
        Map<AlertType, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.query("""
                select type, state, count(*) from stock_alerts
                 where tenant_id = ? and state in ('NEW', 'READ') group by type, state order by type, state""",
                rs -> {
                    counts.computeIfAbsent(AlertType.valueOf(rs.getString(1)), t -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }, tenantContext.requireTenant());
        return counts;
    }

    /** The number of new (unread) alerts. */
    @Transactional(readOnly = true)
    public long unread() {
        Long n = jdbc.queryForObject("select count(*) from stock_alerts where tenant_id = ? and state = 'NEW'",
                Long.class, tenantContext.requireTenant());
        return n == null ? 0 : n;
    }

    public void markRead(UUID id) {
        change(id, "READ", "state = 'NEW'");
    }

    public void dismiss(UUID id) {
        change(id, "DISMISSED", "state in ('NEW', 'READ')");
    }

    /** Marks every new alert read; returns how many. */
    public int markAllRead() {
        return jdbc.update("update stock_alerts set state = 'READ', read_at = ? where tenant_id = ? and state = 'NEW'",
                Timestamp.from(clock.instant()), tenantContext.requireTenant());
    }

    private void change(UUID id, String state, String from) {
        UUID tenant = tenantContext.requireTenant();
        Boolean exists = jdbc.queryForObject("select exists (select 1 from stock_alerts where tenant_id = ? and id = ?)",
                Boolean.class, tenant, id);
        if (!Boolean.TRUE.equals(exists)) {
            throw new NotFoundException("Alert", id.toString());
        }
        jdbc.update("update stock_alerts set state = ?, read_at = coalesce(read_at, ?) where tenant_id = ? and id = ? and "
                + from, state, Timestamp.from(clock.instant()), tenant, id);
    }

    private static String check(String field, String value, List<String> allowed) {
        String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw InvalidInputException.field(field, "must be one of " + String.join(", ", allowed));
        }
        return upper;
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
