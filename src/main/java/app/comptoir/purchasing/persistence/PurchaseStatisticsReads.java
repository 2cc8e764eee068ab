package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of purchasing statistics per supplier: reliability of delivered orders (on time when delivered, in the
 * business's time zone, on or before the expected date) and spending (received quantity × unit cost of the
 * receipts in a period).
 */
@Component
public class PurchaseStatisticsReads {

    /**
     * One supplier's figures: delivered orders with an expected date, how many on time, their average delay in
     * days (early counts as 0), and what was received from it in the two periods.
     */
    public record SupplierFigures(UUID supplierId, String name, int delivered, int onTime, BigDecimal averageDelayDays,
                                  BigDecimal spentInMonth, BigDecimal spentInQuarter) {
    }

    private final JdbcClient jdbc;

    PurchaseStatisticsReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of every supplier with a delivered order or a receipt since {@code quarterFrom}, by name; dates
     * of delivery are taken in {@code zone} (a time zone id).
     */
    public List<SupplierFigures> bySupplier(UUID tenant, String zone, Instant monthFrom, Instant quarterFrom,
                                            Instant until) {
        return jdbc.sql("""
                with reliability as (
                    select o.supplier_id, count(*) as delivered,
                           count(*) filter (where (o.delivered_at at time zone :zone)::date <= o.expected_on) as on_time,
                           avg(greatest((o.delivered_at at time zone :zone)::date - o.expected_on, 0)) as delay
                      from purchase_orders o
                     where o.tenant_id = :tenant and o.status = 'DELIVERED' and o.deleted_at is null
                       and o.delivered_at is not null and o.expected_on is not null
                     group by o.supplier_id),
                spending as (
                    select o.supplier_id,
                           coalesce(sum(rl.quantity * rl.unit_cost) filter (where r.received_at >= :month), 0) as month,
                           coalesce(sum(rl.quantity * rl.unit_cost), 0) as quarter
                      from purchase_receipt_lines rl
                      join purchase_receipts r on r.id = rl.receipt_id
                      join purchase_orders o on o.id = r.order_id
                     where rl.tenant_id = :tenant and r.tenant_id = :tenant and o.tenant_id = :tenant
                       and r.received_at >= :quarter and r.received_at < :until
                     group by o.supplier_id)
                select s.id, s.name, coalesce(rel.delivered, 0), coalesce(rel.on_time, 0), rel.delay,
                       coalesce(sp.month, 0), coalesce(sp.quarter, 0)
                  from suppliers s
                  left join reliability rel on rel.supplier_id = s.id
                  left join spending sp on sp.supplier_id = s.id
                 where s.tenant_id = :tenant and (rel.supplier_id is not null or sp.supplier_id is not null)
                 order by lower(s.name), s.id""")
                .param("tenant", tenant).param("zone", zone)
                .param("month", Timestamp.from(monthFrom)).param("quarter", Timestamp.from(quarterFrom))
                .param("until", Timestamp.from(until))
                .query((rs, i) -> new SupplierFigures(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }
}
