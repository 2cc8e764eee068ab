package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.comptoir.platform.Ids;

/**
 * The SQL of recurring purchase orders (templates and their lines). The run of a due template moves its
 * {@code next_run_on} with one guarded statement ({@link #advance}): of two runs of the same due date (two
 * nodes, a rerun after a crash) only one moves it, and only that one creates the draft, in the same transaction.
 */
@Component
public class RecurringOrderStore {

    /** A template as stored. */
    public record RecurringRow(UUID id, UUID supplierId, String supplierName, String name, int everyWeeks,
                               int dayOfWeek, LocalDate nextRunOn, boolean active, long version) {
    }

    /** A line of a template. */
    public record RecurringLine(UUID variantId, int quantity, BigDecimal unitCost) {
    }

    private final JdbcClient jdbc;

    RecurringOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select r.id, r.supplier_id, s.name, r.name, r.every_weeks, r.day_of_week, r.next_run_on, r.active, r.version
              from recurring_purchase_orders r join suppliers s on s.id = r.supplier_id""";

    public List<RecurringRow> list(UUID tenant) {
        return jdbc.sql(SELECT + " where r.tenant_id = ? and r.deleted_at is null order by lower(r.name), r.id")
                .param(tenant).query(RecurringOrderStore::row).list();
    }

    public Optional<RecurringRow> find(UUID tenant, UUID id) {
        return jdbc.sql(SELECT + " where r.tenant_id = ? and r.id = ? and r.deleted_at is null").params(tenant, id)
                .query(RecurringOrderStore::row).optional();
    }

    /** The active templates due on or before {@code today}, oldest due first. */
    public List<RecurringRow> due(UUID tenant, LocalDate today) {
        return jdbc.sql(SELECT + " " + """
                 where r.tenant_id = ? and r.active and r.deleted_at is null and r.next_run_on <= ?
                 order by r.next_run_on, r.id""").params(tenant, Date.valueOf(today))
                .query(RecurringOrderStore::row).list();
    }

    public List<RecurringLine> lines(UUID tenant, UUID id) {
        return jdbc.sql("""
                select variant_id, quantity, unit_cost from recurring_purchase_order_lines
                 where tenant_id = ? and recurring_id = ? order by position""").params(tenant, id)
                .query((rs, i) -> new RecurringLine(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBigDecimal(3)))
                .list();
    }

    public void insert(UUID tenant, UUID id, UUID supplierId, String name, int everyWeeks, int dayOfWeek,
                       LocalDate nextRunOn, boolean active, Instant at) {
        jdbc.sql("""
                insert into recurring_purchase_orders (id, tenant_id, supplier_id, name, every_weeks, day_of_week,
                  next_run_on, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, supplierId, name, everyWeeks, dayOfWeek, Date.valueOf(nextRunOn), active,
                        Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** Changes a template if it is at {@code version}; whether it was. */
    public boolean update(UUID tenant, UUID id, long version, UUID supplierId, String name, int everyWeeks,
                          int dayOfWeek, LocalDate nextRunOn, boolean active, Instant at) {
        return jdbc.sql("""
                update recurring_purchase_orders set supplier_id = ?, name = ?, every_weeks = ?, day_of_week = ?,
                  next_run_on = ?, active = ?, updated_at = ?, version = version + 1
                 where tenant_id = ? and id = ? and version = ? and deleted_at is null""")
                .params(supplierId, name, everyWeeks, dayOfWeek, Date.valueOf(nextRunOn), active, Timestamp.from(at),
                        tenant, id, version)
                .update() == 1;
    }

    public void replaceLines(UUID tenant, UUID id, List<RecurringLine> lines) {
        jdbc.sql("delete from recurring_purchase_order_lines where tenant_id = ? and recurring_id = ?")
                .params(tenant, id).update();
        int position = 1;
        for (RecurringLine line : lines) {
            jdbc.sql("""
                    insert into recurring_purchase_order_lines (id, tenant_id, recurring_id, position, variant_id,
                      quantity, unit_cost) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(), tenant, id, position++, line.variantId(), line.quantity(), line.unitCost())
                    .update();
        }
    }

    public boolean softDelete(UUID tenant, UUID id, UUID by, Instant at) {
        return jdbc.sql("""
                update recurring_purchase_orders set deleted_at = ?, deleted_by = ?, active = false
                 where tenant_id = ? and id = ? and deleted_at is null""")
                .params(Timestamp.from(at), by, tenant, id).update() == 1;
    }

    /** Moves the template's next run from {@code due} to {@code next}; whether this call moved it. */
    public boolean advance(UUID tenant, UUID id, LocalDate due, LocalDate next) {
        return jdbc.sql("""
                update recurring_purchase_orders set next_run_on = ?
                 where tenant_id = ? and id = ? and next_run_on = ? and active and deleted_at is null""")
                .params(Date.valueOf(next), tenant, id, Date.valueOf(due)).update() == 1;
    }

    private static RecurringRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new RecurringRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getDate(7).toLocalDate(), rs.getBoolean(8),
                rs.getLong(9));
    }
}
