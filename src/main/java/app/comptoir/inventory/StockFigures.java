package app.comptoir.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.FigureReads;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/**
 * Whole-business stock figures for statistics and dashboards: one row per variant (all locations
 * together) and the daily flow of units in and out. Aggregated in PostgreSQL, so a page of
 * statistics costs two statements whatever the size of the catalog.
 */
@Service
@Transactional(readOnly = true)
public class StockFigures {

    /** The stock of one variant, all locations together, with its status against its thresholds. */
    public record VariantTotal(UUID variantId, int onHand, int reserved, int available, StockStatus status,
                               Instant lastOutgoingAt) {
    }

    /**
     * How many open alerts (new or read, not dismissed nor resolved) there are of one severity
     * ({@code CRITICAL}, {@code WARNING}, {@code INFO}) and type ({@code OUT_OF_STOCK}, {@code LOW_STOCK},
     * {@code OVERSTOCK}, {@code SLOW_MOVING}). A stock-out is an open {@code OUT_OF_STOCK} alert: a variant at
     * a location with nothing available.
     */
    public record AlertCount(String severity, String type, long count) {
    }

    /** Units that came in (receipts, returns, positive adjustments) and went out on one day. */
    public record DailyFlow(LocalDate day, long in, long out) {
    }

    private final FigureReads figures;
    private final AlertStore alerts;
    private final TenantContext tenantContext;

    StockFigures(FigureReads figures, AlertStore alerts, TenantContext tenantContext) {
        this.figures = figures;
        this.alerts = alerts;
        this.tenantContext = tenantContext;
    }

    /** Every variant that has a stock level, with its totals and the time of its last outgoing movement. */
    public List<VariantTotal> variantTotals() {
        return figures.variantTotals(tenantContext.requireTenant()).stream()
                .map(r -> new VariantTotal(r.variantId(), r.total().onHand(), r.total().reserved(),
                        r.total().available(), StockRules.status(r.total(), r.thresholds()), r.lastOutgoingAt()))
                .toList();
    }

    /**
     * The open alerts counted by severity and type, critical first (one statement): the same query as the
     * alerts page's counts, so that the home page and the alerts page always say the same thing.
     */
    public List<AlertCount> openAlerts() {
        return alerts.openGroups(tenantContext.requireTenant()).stream()
                .map(g -> new AlertCount(g.severity(), g.type().name(), g.count())).toList();
    }

    /**
     * Units in and out per day from {@code from} to {@code to} (inclusive) in the given time zone, every
     * day present (zeros included). Transfers move stock between locations and count as neither.
     */
    public List<DailyFlow> dailyFlows(LocalDate from, LocalDate to, ZoneId zone) {
        if (from == null || to == null || to.isBefore(from)) {
            throw InvalidInputException.field("to", "must be on or after from");
        }
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        figures.dailyFlows(tenantContext.requireTenant(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone, row -> {
                    long[] flow = days.get(row.day());
                    if (flow != null) {
                        flow[0] = row.in();
                        flow[1] = row.out();
                    }
                });
        List<DailyFlow> flows = new ArrayList<>(days.size());
        days.forEach((day, flow) -> flows.add(new DailyFlow(day, flow[0], flow[1])));
        return flows;
    }
}
