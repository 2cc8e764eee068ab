package app.comptoir.inventory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.Thresholds;

/**
 * The SQL of whole-business figures, aggregated in PostgreSQL: stock per variant over all locations,
 * units in and out per day, and the variants at or under their reorder point.
 */
@Component
public class FigureReads {

    /** Outgoing movements: what "slow-moving" and "last sold" look at (the same rule as the alert). */
    static final String OUTGOING = "('ISSUE', 'SALE')";

    /** A variant's stock over all locations, its thresholds and its last outgoing movement (null: never). */
    public record VariantRow(UUID variantId, StockLevel total, Thresholds thresholds, Instant lastOutgoingAt) {
    }

    /** A variant at or under its reorder point, with its units gone out in the window. */
    public record ReorderRow(UUID variantId, int available, int reorderPoint, Integer reorderQuantity,
                             Integer leadTimeDays, long unitsOut) {
    }

    /** Units in and out on one day. */
    public record FlowRow(LocalDate day, long in, long out) {
    }

    private final JdbcTemplate jdbc;

    FigureReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every variant that has a stock level, by id. */
    public List<VariantRow> variantTotals(UUID tenant) {
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
                    Timestamp at = rs.getTimestamp(6);
                    return new VariantRow(rs.getObject(1, UUID.class), new StockLevel(rs.getInt(2), rs.getInt(3)),
                            Thresholds.watched(rs.getObject(4, Integer.class), rs.getObject(5, Integer.class), null),
                            at == null ? null : at.toInstant());
                }, tenant, tenant, tenant);
    }

    /**
     * Units in (positive changes) and out per local day in [from, to) of the zone, transfers excepted; days
     * without movement are absent.
     */
    public void dailyFlows(UUID tenant, Instant from, Instant to, ZoneId zone, Consumer<FlowRow> each) {
        jdbc.query("""
                select (occurred_at at time zone ?)::date as day,
                       sum(case when quantity > 0 then quantity else 0 end),
                       sum(case when quantity < 0 then -quantity else 0 end)
                  from stock_movements
                 where tenant_id = ? and type <> 'TRANSFER' and occurred_at >= ? and occurred_at < ?
                 group by 1""",
                rs -> {
                    each.accept(new FlowRow(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)));
                }, zone.getId(), tenant, Timestamp.from(from), Timestamp.from(to));
    }

    /** Variants at or under their reorder point (all locations together), most urgent first. */
    public List<ReorderRow> reorderCandidates(UUID tenant, Instant outSince) {
        return jdbc.query("""
                with totals as (select variant_id, sum(on_hand - reserved) as available from stock_levels
                                 where tenant_id = ? group by variant_id),
                     outgoing as (select variant_id, -sum(quantity) as quantity from stock_movements
                                   where tenant_id = ? and type in %s and occurred_at >= ?
                                   group by variant_id)
                select t.variant_id, coalesce(s.available, 0) as available, t.reorder_point, t.reorder_quantity,
                       t.lead_time_days, coalesce(o.quantity, 0) as out_quantity
                  from stock_thresholds t
                  left join totals s on s.variant_id = t.variant_id
                  left join outgoing o on o.variant_id = t.variant_id
                 where t.tenant_id = ? and t.reorder_point is not null and coalesce(s.available, 0) <= t.reorder_point
                 order by coalesce(s.available, 0) - t.reorder_point, t.variant_id""".formatted(OUTGOING),
                (rs, i) -> new ReorderRow(rs.getObject("variant_id", UUID.class), rs.getInt("available"),
                        rs.getInt("reorder_point"), (Integer) rs.getObject("reorder_quantity"),
                        (Integer) rs.getObject("lead_time_days"), rs.getLong("out_quantity")),
                tenant, tenant, Timestamp.from(outSince), tenant);
    }
}
