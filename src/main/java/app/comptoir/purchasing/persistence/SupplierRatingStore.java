package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of supplier ratings: one per delivered order, read per order and per supplier. */
@Component
public class SupplierRatingStore {

    /** The order a rating is about, as the rating needs it. */
    public record RatedOrder(UUID id, UUID supplierId, UUID supplierTenantId, String status) {
    }

    /** A rating as stored. */
    public record RatingRow(UUID id, UUID orderId, String orderNumber, int score, String comment, String buyerName,
                            Instant createdAt) {
    }

    /** A supplier's average score (null without ratings) and number of ratings. */
    public record Average(BigDecimal average, int count) {
    }

    private final JdbcClient jdbc;

    SupplierRatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The buyer's own order (not one addressed to it as a supplier), if it exists. */
    public Optional<RatedOrder> order(UUID tenant, UUID orderId) {
        return jdbc.sql("""
                select id, supplier_id, supplier_tenant_id, status from purchase_orders
                 where tenant_id = ? and id = ? and deleted_at is null""")
                .params(tenant, orderId)
                .query((rs, i) -> new RatedOrder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4)))
                .optional();
    }

    /** Records the rating unless the order has one; whether it was recorded. */
    public boolean insert(UUID id, UUID tenant, RatedOrder order, int score, String comment, String buyerName,
                          Instant at) {
        return jdbc.sql("""
                insert into supplier_ratings (id, tenant_id, supplier_id, supplier_tenant_id, order_id, score, comment,
                  buyer_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (order_id) do nothing""")
                .params(id, tenant, order.supplierId(), order.supplierTenantId(), order.id(), score, comment, buyerName,
                        Timestamp.from(at))
                .update() == 1;
    }

    /** The rating of an order, if any. */
    public Optional<RatingRow> ofOrder(UUID tenant, UUID orderId) {
        return jdbc.sql(SELECT + " where r.tenant_id = ? and r.order_id = ?").params(tenant, orderId)
                .query(SupplierRatingStore::row).optional();
    }

    /** The ratings of one of the business's suppliers, newest first. */
    public List<RatingRow> ofSupplier(UUID tenant, UUID supplierId, int limit) {
        return jdbc.sql(SELECT + " where r.tenant_id = ? and r.supplier_id = ? order by r.created_at desc, r.id limit ?")
                .params(tenant, supplierId, limit).query(SupplierRatingStore::row).list();
    }

    /** The average and count of one of the business's suppliers. */
    public Average average(UUID tenant, UUID supplierId) {
        return jdbc.sql("select avg(score), count(*) from supplier_ratings where tenant_id = ? and supplier_id = ?")
                .params(tenant, supplierId)
                .query((rs, i) -> new Average(rs.getBigDecimal(1), rs.getInt(2))).single();
    }

    private static final String SELECT = """
            select r.id, r.order_id, o.number, r.score, r.comment, r.buyer_name, r.created_at
              from supplier_ratings r join purchase_orders o on o.id = r.order_id""";

    private static RatingRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new RatingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
