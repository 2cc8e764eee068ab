package app.comptoir.purchasing.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.Ids;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;
import app.comptoir.purchasing.domain.PurchaseOrder;
import app.comptoir.purchasing.domain.PurchaseOrderLine;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.domain.StatusChange;

/**
 * Every SQL text of purchase orders: {@code purchase_orders}, their lines, their history and the numbering
 * counters. Row-level security shows an order to its buyer and to the registered supplier it is addressed to;
 * the services check which side they act for. Numbers come from {@code purchase_counters}, one locked row per
 * business and year, so they have no gaps (the counter's row waits for the creating transaction).
 */
@Repository
public class PurchaseOrderStore {

    private static final String HEADER = """
            select id, tenant_id, number, supplier_id, supplier_tenant_id, supplier_name, buyer_name, status, currency,
                   expected_on, notes, recurring_id, reordered_from_id, sent_at, confirmed_at, shipped_at, delivered_at,
                   cancelled_at, cancel_reason, created_at, updated_at, version
              from purchase_orders""";

    private final JdbcTemplate jdbc;

    PurchaseOrderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the business for the year ({@code ACH-2026-000001}), counted in this transaction. */
    public String nextNumber(UUID tenant, int year) {
        Long value = jdbc.queryForObject("""
                insert into purchase_counters (tenant_id, year, last_value) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last_value = purchase_counters.last_value + 1
                returning last_value""", Long.class, tenant, year);
        return "ACH-" + year + "-" + String.format(Locale.ROOT, "%06d", value);
    }

    /**
     * The order with its lines as this business sees it (its own, or one addressed to it as a registered
     * supplier), its row locked until the transaction ends if {@code lock}.
     */
    public Optional<PurchaseOrder> find(UUID id, boolean lock) {
        if (lock) {
            // Lock the header before reading the lines, so that the lines read are those the lock protects.
            jdbc.query("select id from purchase_orders where id = ? for update", rs -> { }, id);
        }
        List<PurchaseOrderLine> lines = lines(id);
        List<PurchaseOrder.State> rows = jdbc.query(HEADER + " where id = ? and deleted_at is null",
                (rs, i) -> state(rs, lines), id);
        return rows.stream().findFirst().map(PurchaseOrder::restore);
    }

    private static PurchaseOrder.State state(ResultSet rs, List<PurchaseOrderLine> lines) throws SQLException {
        Date expected = rs.getDate("expected_on");
        return new PurchaseOrder.State(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("number"), rs.getObject("supplier_id", UUID.class),
                rs.getObject("supplier_tenant_id", UUID.class), rs.getString("supplier_name"),
                rs.getString("buyer_name"), PurchaseOrderStatus.valueOf(rs.getString("status")),
                rs.getString("currency"), expected == null ? null : expected.toLocalDate(), rs.getString("notes"),
                lines, rs.getObject("recurring_id", UUID.class), rs.getObject("reordered_from_id", UUID.class),
                instant(rs, "sent_at"), instant(rs, "confirmed_at"), instant(rs, "shipped_at"),
                instant(rs, "delivered_at"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private List<PurchaseOrderLine> lines(UUID orderId) {
        return jdbc.query("""
                select id, position, variant_id, supplier_product_id, sku, label, quantity, unit_cost, received_quantity
                  from purchase_order_lines where order_id = ? order by position""",
                (rs, i) -> new PurchaseOrderLine(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getObject("variant_id", UUID.class), rs.getObject("supplier_product_id", UUID.class),
                        rs.getString("sku"), rs.getString("label"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_cost"), rs.getInt("received_quantity")), orderId);
    }

    /** The order's timeline, oldest first. */
    public List<StatusChange> history(UUID orderId) {
        return jdbc.query("""
                select status, note, by_supplier, at, by_user from purchase_order_history
                 where order_id = ? order by at, id""",
                (rs, i) -> new StatusChange(PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getString("note"),
                        rs.getBoolean("by_supplier"), instant(rs, "at"), rs.getObject("by_user", UUID.class)), orderId);
    }

    /** Inserts a new numbered order, its lines and its first timeline step. */
    public void insert(PurchaseOrder order, UUID by) {
        Timestamp at = Timestamp.from(order.createdAt());
        jdbc.update("""
                insert into purchase_orders (id, tenant_id, number, supplier_id, supplier_tenant_id, supplier_name,
                  buyer_name, status, currency, total, expected_on, notes, recurring_id, reordered_from_id,
                  created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.id(), order.tenantId(), order.number(), order.supplierId(), order.supplierTenantId(),
                order.supplierName(), order.buyerName(), order.status().name(), order.currency(), order.total(),
                date(order.expectedOn()), order.notes(), order.recurringId(), order.reorderedFromId(), at, by, at, by);
        insertLines(order);
        appendHistory(order);
    }

    /** Stores the expected date, the notes, the total and the lines of a draft. */
    public void storeContent(PurchaseOrder order, UUID by) {
        jdbc.update("""
                update purchase_orders set expected_on = ?, notes = ?, total = ?, updated_at = ?, updated_by = ?,
                  version = version + 1 where id = ?""", date(order.expectedOn()), order.notes(), order.total(),
                Timestamp.from(order.updatedAt()), by, order.id());
        jdbc.update("delete from purchase_order_lines where order_id = ?", order.id());
        insertLines(order);
    }

    /** Stores the status, its time stamps, the cancel reason and the steps the aggregate recorded. */
    public void storeStatus(PurchaseOrder order, UUID by) {
        jdbc.update("""
                update purchase_orders set status = ?, sent_at = ?, confirmed_at = ?, shipped_at = ?, delivered_at = ?,
                  cancelled_at = ?, cancel_reason = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where id = ?""", order.status().name(), stamp(order, PurchaseOrderStatus.SENT),
                stamp(order, PurchaseOrderStatus.CONFIRMED), stamp(order, PurchaseOrderStatus.SHIPPED),
                stamp(order, PurchaseOrderStatus.DELIVERED), stamp(order, PurchaseOrderStatus.CANCELLED),
                order.cancelReason(), Timestamp.from(order.updatedAt()), by, order.id());
        appendHistory(order);
    }

    /** Stores what was received of each line, then the status (a complete receipt delivers the order). */
    public void storeReceived(PurchaseOrder order, UUID by) {
        jdbc.batchUpdate("update purchase_order_lines set received_quantity = ? where order_id = ? and id = ?",
                order.lines().stream().map(l -> new Object[] {l.receivedQuantity(), order.id(), l.id()}).toList());
        storeStatus(order, by);
    }

    private void insertLines(PurchaseOrder order) {
        jdbc.batchUpdate("""
                insert into purchase_order_lines (id, tenant_id, supplier_tenant_id, order_id, position, variant_id,
                  supplier_product_id, sku, label, quantity, unit_cost, received_quantity)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.lines().stream().map(l -> new Object[] {l.id(), order.tenantId(), order.supplierTenantId(),
                        order.id(), l.position(), l.variantId(), l.supplierProductId(), l.sku(), l.label(),
                        l.quantity(), l.unitCost(), l.receivedQuantity()}).toList());
    }

    private void appendHistory(PurchaseOrder order) {
        List<StatusChange> steps = order.recorded();
        // Steps of one act share its instant: the id (time-ordered) keeps them in the order they were made.
        jdbc.batchUpdate("""
                insert into purchase_order_history (id, tenant_id, supplier_tenant_id, order_id, status, note,
                  by_supplier, at, by_user) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                steps.stream().map(s -> new Object[] {Ids.newId(), order.tenantId(), order.supplierTenantId(),
                        order.id(), s.status().name(), s.note(), s.bySupplier(), Timestamp.from(s.at()),
                        s.byUser()}).toList());
    }

    /** A business's own orders, newest first, filtered (days of the filter in the business's zone). */
    public PageResponse<PurchaseOrderSummary> search(UUID tenant, PurchaseOrderFilter filter, ZoneId zone, int page,
                                                     int size) {
        StringBuilder where = new StringBuilder(" where tenant_id = ? and deleted_at is null");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (filter.from() != null) {
            where.append(" and created_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and created_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.supplierId() != null) {
            where.append(" and supplier_id = ?");
            args.add(filter.supplierId());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = SqlLike.contains(filter.q().strip().toLowerCase(Locale.ROOT));
            where.append(" and (lower(number) like ? or lower(supplier_name) like ?)");
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("select count(*) from purchase_orders" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<PurchaseOrderSummary> items = jdbc.query("""
                select id, number, supplier_id, supplier_name, supplier_tenant_id, status, total, currency, expected_on,
                       created_at, sent_at from purchase_orders""" + where
                        + " order by created_at desc, id desc limit ? offset ?",
                (rs, i) -> {
                    Date expected = rs.getDate("expected_on");
                    return new PurchaseOrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                            rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                            rs.getObject("supplier_tenant_id") != null,
                            PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"),
                            rs.getString("currency"), expected == null ? null : expected.toLocalDate(),
                            instant(rs, "created_at"), instant(rs, "sent_at"));
                }, pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    private static Timestamp stamp(PurchaseOrder order, PurchaseOrderStatus status) {
        Instant at = order.reachedAt(status);
        return at == null ? null : Timestamp.from(at);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
