package app.comptoir.purchasing.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of watching purchase orders after they are sent: which are late or still unconfirmed, and the marks
 * that make each alert and reminder happen once ({@code late_alerted_on}, {@code reminded_at}). The marks are
 * set without touching the order's version: they are the watch's own bookkeeping, not a change of the order
 * a user could conflict with.
 */
@Component
public class OrderWatchStore {

    /** An order still awaited (SENT, CONFIRMED or SHIPPED) with an expected date. */
    public record AwaitedOrder(UUID id, String number, LocalDate expectedOn, LocalDate lateAlertedOn) {
    }

    /** An order sent and not confirmed yet, never reminded. */
    public record UnconfirmedOrder(UUID id, String number, String supplierName, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    OrderWatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The businesses that have (or had) purchase orders or recurring orders. */
    public List<UUID> buyingTenants() {
        return jdbc.sql("select tenant_id from purchasing_tenants order by tenant_id").query(UUID.class).list();
    }

    /** The awaited orders with an expected date on or before {@code lateAfter}, or already alerted. */
    public List<AwaitedOrder> awaited(UUID tenant, LocalDate expectedBefore) {
        return jdbc.sql("""
                select id, number, expected_on, late_alerted_on from purchase_orders
                 where tenant_id = ? and status in ('SENT', 'CONFIRMED', 'SHIPPED') and deleted_at is null
                   and expected_on is not null and (expected_on < ? or late_alerted_on is not null)
                 order by expected_on, number""")
                .params(tenant, Date.valueOf(expectedBefore))
                .query((rs, i) -> new AwaitedOrder(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
    }

    /** The orders alerted as late that are no longer awaited (delivered, cancelled or deleted). */
    public List<UUID> alertedAndClosed(UUID tenant) {
        return jdbc.sql("""
                select id from purchase_orders
                 where tenant_id = ? and late_alerted_on is not null
                   and (status not in ('SENT', 'CONFIRMED', 'SHIPPED') or deleted_at is not null)""")
                .param(tenant).query(UUID.class).list();
    }

    /** Notes the expected date the order's late-delivery alert was raised for (null: none open). */
    public void markLateAlerted(UUID tenant, UUID order, LocalDate expectedOn) {
        jdbc.sql("update purchase_orders set late_alerted_on = ?::date where tenant_id = ? and id = ?")
                .params(expectedOn == null ? null : Date.valueOf(expectedOn), tenant, order).update();
    }

    /** The business's reminder days (3 without settings). */
    public int reminderDays(UUID tenant) {
        return jdbc.sql("select reminder_days from purchasing_settings where tenant_id = ?").param(tenant)
                .query(Integer.class).optional().orElse(3);
    }

    /** The orders SENT at or before {@code sentBefore} and not reminded yet. */
    public List<UnconfirmedOrder> unconfirmed(UUID tenant, Instant sentBefore) {
        return jdbc.sql("""
                select id, number, supplier_name, sent_at from purchase_orders
                 where tenant_id = ? and status = 'SENT' and deleted_at is null and reminded_at is null
                   and sent_at <= ? order by sent_at, number""")
                .params(tenant, Timestamp.from(sentBefore))
                .query((rs, i) -> new UnconfirmedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Marks the order reminded unless it already was; whether this call marked it (the reminder goes out once). */
    public boolean markReminded(UUID tenant, UUID order, Instant at) {
        return jdbc.sql("update purchase_orders set reminded_at = ? where tenant_id = ? and id = ? and reminded_at is null")
                .params(Timestamp.from(at), tenant, order).update() == 1;
    }
}
