package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SqlLike;

/**
 * The registered supplier's reads of the orders addressed to it ({@code purchase_orders.supplier_tenant_id}):
 * the received orders list and detail, and the dashboard's figures. Row-level security shows a business only
 * its own orders and those addressed to it; every query also names the supplier.
 */
@Repository
public class SupplierOrderReads {

    /** A received order in the list. */
    public record Summary(UUID id, String number, String buyerName, String status, String currency, BigDecimal total,
                          LocalDate expectedOn, Instant sentAt, Instant createdAt, int lineCount) {
    }

    /** A received order in full. */
    public record Detail(Summary order, String notes, String cancelReason, Instant confirmedAt, Instant shippedAt,
                         Instant deliveredAt, Instant cancelledAt, List<Line> lines, List<Step> history) {
    }

    /** One ordered line as the supplier sees it. */
    public record Line(int position, UUID supplierProductId, String label, int quantity, BigDecimal unitCost) {
    }

    /** One step of the order's timeline. */
    public record Step(String status, String note, boolean bySupplier, Instant at) {
    }

    // Drafts are the buyer's until sent: the supplier sees an order from the moment it is sent.
    private static final String RECEIVED = """
             from purchase_orders o where o.supplier_tenant_id = :supplier and o.deleted_at is null
               and o.status <> 'DRAFT'""";
    private static final String FILTERS = """
               and (:status = '' or o.status = :status)
               and (:buyer = '' or lower(o.buyer_name) like :buyerLike)""";

    private final JdbcClient jdbc;

    SupplierOrderReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the orders received, newest first, by status and buyer name. */
    public List<Summary> page(UUID supplierTenantId, String status, String buyer, int offset, int limit) {
        return filtered("select o.*, (select count(*) from purchase_order_lines l where l.order_id = o.id) as line_count"
                + " " + RECEIVED + " " + FILTERS + " order by coalesce(o.sent_at, o.created_at) desc, o.id limit :limit offset :offset",
                supplierTenantId, status, buyer).param("limit", limit).param("offset", offset)
                .query(SupplierOrderReads::summary).list();
    }

    public long count(UUID supplierTenantId, String status, String buyer) {
        return filtered("select count(*) " + RECEIVED + " " + FILTERS, supplierTenantId, status, buyer).query(Long.class).single();
    }

    /** A received order with its lines and timeline. */
    public Optional<Detail> find(UUID supplierTenantId, UUID id) {
        return jdbc.sql("select o.*, (select count(*) from purchase_order_lines l where l.order_id = o.id) as line_count"
                        + " " + RECEIVED + " and o.id = :id")
                .param("supplier", supplierTenantId).param("id", id)
                .query((rs, i) -> new Detail(summary(rs, i), rs.getString("notes"), rs.getString("cancel_reason"),
                        instant(rs, "confirmed_at"), instant(rs, "shipped_at"), instant(rs, "delivered_at"),
                        instant(rs, "cancelled_at"), List.of(), List.of()))
                .optional()
                .map(d -> new Detail(d.order(), d.notes(), d.cancelReason(), d.confirmedAt(), d.shippedAt(),
                        d.deliveredAt(), d.cancelledAt(), lines(supplierTenantId, id), history(supplierTenantId, id)));
    }

    /** How many received orders are in each status (drafts excluded). */
    public Map<String, Long> countsByStatus(UUID supplierTenantId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select o.status, count(*) as n " + RECEIVED + " group by o.status")
                .param("supplier", supplierTenantId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    /** The total of the orders delivered since the instant (the start of the month in the supplier's zone). */
    public BigDecimal deliveredSince(UUID supplierTenantId, Instant since) {
        return jdbc.sql("select coalesce(sum(o.total), 0) " + RECEIVED + " and o.status = 'DELIVERED' and o.delivered_at >= :since")
                .param("supplier", supplierTenantId).param("since", Timestamp.from(since))
                .query(BigDecimal.class).single();
    }

    private List<Line> lines(UUID supplierTenantId, UUID orderId) {
        return jdbc.sql("""
                        select position, supplier_product_id, label, quantity, unit_cost from purchase_order_lines
                        where supplier_tenant_id = :supplier and order_id = :order order by position""")
                .param("supplier", supplierTenantId).param("order", orderId)
                .query((rs, i) -> new Line(rs.getInt("position"), rs.getObject("supplier_product_id", UUID.class),
                        rs.getString("label"), rs.getInt("quantity"), rs.getBigDecimal("unit_cost"))).list();
    }

    private List<Step> history(UUID supplierTenantId, UUID orderId) {
        return jdbc.sql("""
                        select status, note, by_supplier, at from purchase_order_history
                        where supplier_tenant_id = :supplier and order_id = :order order by at, id""")
                .param("supplier", supplierTenantId).param("order", orderId)
                .query((rs, i) -> new Step(rs.getString("status"), rs.getString("note"), rs.getBoolean("by_supplier"),
                        rs.getTimestamp("at").toInstant())).list();
    }

    private JdbcClient.StatementSpec filtered(String sql, UUID supplierTenantId, String status, String buyer) {
        return jdbc.sql(sql).param("supplier", supplierTenantId).param("status", status).param("buyer", buyer)
                .param("buyerLike", SqlLike.contains(buyer.toLowerCase()));
    }

    private static Summary summary(ResultSet rs, int i) throws SQLException {
        java.sql.Date expected = rs.getDate("expected_on");
        return new Summary(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("buyer_name"),
                rs.getString("status"), rs.getString("currency"), rs.getBigDecimal("total"),
                expected == null ? null : expected.toLocalDate(), instant(rs, "sent_at"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("line_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
