package app.comptoir.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
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

    /** Outgoing movements: what "slow-moving" and "last sold" look at (the same rule as the alert). */
    static final String OUTGOING = "('ISSUE', 'SALE')";

    /** The stock of one variant, all locations together, with its status against its thresholds. */
    public record VariantTotal(UUID variantId, int onHand, int reserved, int available, StockStatus status,
                               Instant lastOutgoingAt) {
    }

    /** Units that came in (receipts, returns, positive adjustments) and went out on one day. */
    public record DailyFlow(LocalDate day, long in, long out) {
    }

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;

    StockFigures(JdbcTemplate jdbc, TenantContext tenantContext) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
    }

    /** Every variant that has a stock level, with its totals and the time of its last outgoing movement. */
    public List<VariantTotal> variantTotals() {
        return jdbc.query("""
                with totals as (
                    select variant_id, sum(on_hand) as on_hand, sum(reserved) as reserved
                      from stock_levels where tenant_id = ? group by variant_id),
                last_out as (
                    select variant_id, max(occurred_at) as at from stock_movements
                     where tenant_id = ? and type in %s group by variant_id)
                select t.variant_id, t.on_hand, t.reserved, th.alert_level, th.overstock_level, o.at
                  from totals t
                  left join stock_thresholds th on th.tenant_id = ? and th.variant_id = t.variant_id
                  left join last_out o on o.variant_id = t.variant_id
                 order by t.variant_id""".formatted(OUTGOING),
                (rs, i) -> {
                    int onHand = rs.getInt(2);
                    int reserved = rs.getInt(3);
                    Integer alert = rs.getObject(4, Integer.class);
                    Integer overstock = rs.getObject(5, Integer.class);
                    Timestamp at = rs.getTimestamp(6);
                    return new VariantTotal(rs.getObject(1, UUID.class), onHand, reserved, onHand - reserved,
                            StockRules.status(new StockLevel(onHand, reserved), Thresholds.watched(alert, overstock, null)),
                            at == null ? null : at.toInstant());
                }, tenant(), tenant(), tenant());
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
        jdbc.query("""
                select (occurred_at at time zone ?)::date as day,
                       sum(case when quantity > 0 then quantity else 0 end),
                       sum(case when quantity < 0 then -quantity else 0 end)
                  from stock_movements
                 where tenant_id = ? and type <> 'TRANSFER' and occurred_at >= ? and occurred_at < ?
                 group by 1""",
                rs -> {
                    long[] flow = days.get(rs.getObject(1, LocalDate.class));
                    if (flow != null) {
                        flow[0] = rs.getLong(2);
                        flow[1] = rs.getLong(3);
                    }
                }, zone.getId(), tenant(), Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        List<DailyFlow> flows = new ArrayList<>(days.size());
        days.forEach((day, flow) -> flows.add(new DailyFlow(day, flow[0], flow[1])));
        return flows;
    }

    private UUID tenant() {
        return tenantContext.requireTenant();
    }
}
