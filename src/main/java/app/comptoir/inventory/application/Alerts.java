package app.comptoir.inventory.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.StockFigures;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.AlertStore.AlertRow;

/** The tenant's stock alerts: listing (open ones first), grouping, reading and dismissing. */
@Service
@Transactional
public class Alerts {

    /** The states an alert goes through; RESOLVED is set by the detector when the condition ends. */
    public static final List<String> STATES = List.of("NEW", "READ", "DISMISSED", "RESOLVED");
    public static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final AlertStore store;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Clock clock;
    private final Permissions permissions;
    private final StockFigures figures;

    Alerts(AlertStore store, TenantContext tenantContext, CatalogQueries catalog, Clock clock, Permissions permissions,
           StockFigures figures) {
        this.figures = figures;
        this.permissions = permissions;
        this.store = store;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Alerts, critical first, then by type and newest first; without a state, the open ones (new and read). */
    @Transactional(readOnly = true)
    public PageResponse<AlertView> list(String state, String severity, AlertType type, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        String stateFilter = state == null || state.isBlank() ? null
                : "ALL".equalsIgnoreCase(state) ? "ALL" : check("state", state, STATES);
        String severityFilter = severity == null || severity.isBlank() ? null : check("severity", severity, SEVERITIES);
        PageResponse<AlertRow> rows = store.page(tenantContext.requireTenant(), stateFilter, severityFilter, type, page,
                size);
        Map<UUID, VariantSummary> variants = catalog.variants(rows.items().stream().map(AlertRow::variantId)
                        .filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        List<AlertView> views = rows.items().stream().map(a -> {
            if (a.referenceId() != null) {
                return new AlertView(a.id(), a.type(), a.severity(), a.state(), null, null, null, null, a.available(),
                        a.threshold(), null, a.raisedAt(), a.readAt(), a.resolvedAt(), "follow",
                        PURCHASE_ORDER_LINK + a.referenceId(), false, a.referenceId(), a.reference());
            }
            if (a.variantId() == null) {
                return new AlertView(a.id(), a.type(), a.severity(), a.state(), null, null, null, null, a.available(),
                        a.threshold(), a.items(), a.raisedAt(), a.readAt(), a.resolvedAt(), "review",
                        SLOW_MOVERS_LINK + slowMoversPeriod(a.threshold()), true, null, null);
            }
            VariantSummary v = variants.get(a.variantId());
            boolean reorder = a.type() == AlertType.LOW_STOCK || a.type() == AlertType.OUT_OF_STOCK;
            return new AlertView(a.id(), a.type(), a.severity(), a.state(), a.variantId(), v == null ? null : v.sku(),
                    v == null ? null : v.label(), a.locationId(), a.available(), a.threshold(), null, a.raisedAt(),
                    a.readAt(), a.resolvedAt(), reorder ? "reorder" : "adjust",
                    reorder ? "/app/inventory/stock/reorder" : "/app/inventory/stock/variants/" + a.variantId(), false,
                    null, null);
        }).toList();
        return new PageResponse<>(views, rows.total(), page, size);
    }

    /**
     * The open alerts (new and read) counted by severity and type, critical first: the counts of the
     * alerts page, of its API and of the home page, from one query ({@link StockFigures#openAlerts()}).
     */
    @Transactional(readOnly = true)
    public List<StockFigures.AlertCount> groups() {
        return figures.openAlerts();
    }

    /** A late delivery opens its purchase order in the purchasing module (linked by URL only). */
    static final String PURCHASE_ORDER_LINK = "/app/purchasing/orders/";

    /** The statistics page's slow movers table lists the dormant products a digest sums up. */
    static final String SLOW_MOVERS_LINK = "/app/reporting/stock?slowDays=";

    /** The statistics page offers 7, 30, 90 and 365 days: the rule's days or the next longer period. */
    static int slowMoversPeriod(Integer days) {
        int d = days == null ? 30 : days;
        return d <= 7 ? 7 : d <= 30 ? 30 : d <= 90 ? 90 : 365;
    }

    /** How many open alerts there are of each type (and of each state among them). */
    @Transactional(readOnly = true)
    public Map<AlertType, Map<String, Long>> openCounts() {
        return store.openCounts(tenantContext.requireTenant());
    }

    /** The number of new (unread) alerts. */
    @Transactional(readOnly = true)
    public long unread() {
        return store.unread(tenantContext.requireTenant());
    }

    /** Marks an alert read for the whole business (ADMIN and MANAGER by default: {@link Permission#ALERTS_MANAGE}). */
    public void markRead(UUID id) {
        permissions.require(Permission.ALERTS_MANAGE);
        change(id, "READ", List.of("NEW"));
    }

    public void dismiss(UUID id) {
        permissions.require(Permission.ALERTS_MANAGE);
        change(id, "DISMISSED", List.of("NEW", "READ"));
    }

    /** Marks every new alert read; returns how many. */
    public int markAllRead() {
        permissions.require(Permission.ALERTS_MANAGE);
        return store.markAllRead(tenantContext.requireTenant(), clock.instant());
    }

    private void change(UUID id, String state, List<String> from) {
        UUID tenant = tenantContext.requireTenant();
        if (!store.exists(tenant, id)) {
            throw new NotFoundException("Alert", id.toString());
        }
        store.changeState(tenant, id, state, from, clock.instant());
    }

    private static String check(String field, String value, List<String> allowed) {
        String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw InvalidInputException.field(field, "must be one of " + String.join(", ", allowed));
        }
        return upper;
    }
}
