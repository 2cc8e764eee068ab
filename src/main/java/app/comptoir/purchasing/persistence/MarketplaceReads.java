package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SqlLike;

/**
 * The marketplace's reads across registered suppliers: published profiles, their live and available catalog
 * items, and their public reviews. Row-level security's {@code marketplace_read} policies let every signed-in
 * business read exactly these rows; the queries still say which rows they mean.
 */
@Repository
public class MarketplaceReads {

    /** A supplier in the search results, with its rating. */
    public record SupplierHit(UUID supplierTenantId, String company, String city, List<String> categories,
                              List<String> deliveryZones, BigDecimal minimumOrder, String currency,
                              Integer averageDeliveryDays, boolean verified, Double ratingAverage, long ratingCount,
                              long productCount) {
    }

    /** A catalog item in the search results, with its supplier. */
    public record ProductHit(UUID id, UUID supplierTenantId, String supplierCompany, String name, String category,
                             BigDecimal price, String currency, String unit, int minQuantity, Integer availableStock) {
    }

    /** A public review of a supplier. */
    public record Review(int score, String comment, String buyerName, Instant at) {
    }

    /** How a supplier is rated: the average score (null without ratings) and the number of ratings. */
    public record RatingSummary(Double average, long count) {
    }

    private static final String SUPPLIERS = """
             from supplier_profiles p
             where p.published
               and (:q = '' or lower(p.company) like :like or lower(coalesce(p.description, '')) like :like)
               and (:category = '' or exists (select 1 from unnest(p.categories) c where lower(c) = :category))
               and (:city = '' or lower(coalesce(p.city, '')) like :cityLike
                    or exists (select 1 from unnest(p.delivery_zones) z where lower(z) like :cityLike))""";

    private static final String PRODUCTS = """
             from supplier_products sp join supplier_profiles p on p.tenant_id = sp.tenant_id
             where sp.deleted_at is null and sp.available and p.published
               and (:q = '' or lower(sp.name) like :like or lower(coalesce(sp.description, '')) like :like)
               and (:category = '' or lower(coalesce(sp.category, '')) = :category)
               and (cast(cast(:supplier as text) as uuid) is null or sp.tenant_id = cast(cast(:supplier as text) as uuid))""";

    private final JdbcClient jdbc;

    MarketplaceReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of suppliers matching the text (company, description), category and city (or delivery zone). */
    public List<SupplierHit> suppliers(String q, String category, String city, int offset, int limit) {
        return supplierQuery("""
                        select p.*,
                          (select avg(r.score)::float8 from supplier_ratings r where r.supplier_tenant_id = p.tenant_id) as rating_average,
                          (select count(*) from supplier_ratings r where r.supplier_tenant_id = p.tenant_id) as rating_count,
                          (select count(*) from supplier_products sp where sp.tenant_id = p.tenant_id
                             and sp.deleted_at is null and sp.available) as product_count""" + " " + SUPPLIERS
                        + " order by p.verified desc, lower(p.company), p.tenant_id limit :limit offset :offset",
                q, category, city).param("limit", limit).param("offset", offset)
                .query(MarketplaceReads::supplier).list();
    }

    public long countSuppliers(String q, String category, String city) {
        return supplierQuery("select count(*) " + SUPPLIERS, q, category, city).query(Long.class).single();
    }

    /** One published supplier, with its rating. */
    public java.util.Optional<SupplierHit> supplier(UUID supplierTenantId) {
        return jdbc.sql("""
                        select p.*,
                          (select avg(r.score)::float8 from supplier_ratings r where r.supplier_tenant_id = p.tenant_id) as rating_average,
                          (select count(*) from supplier_ratings r where r.supplier_tenant_id = p.tenant_id) as rating_count,
                          (select count(*) from supplier_products sp where sp.tenant_id = p.tenant_id
                             and sp.deleted_at is null and sp.available) as product_count
                        from supplier_profiles p where p.tenant_id = :tenant and p.published""")
                .param("tenant", supplierTenantId).query(MarketplaceReads::supplier).optional();
    }

    /** One page of available items across published catalogs (or one supplier's), by name. */
    public List<ProductHit> products(String q, String category, UUID supplier, int offset, int limit) {
        return productQuery("select sp.*, p.company, p.currency " + PRODUCTS
                        + " order by lower(sp.name), sp.price, sp.id limit :limit offset :offset", q, category, supplier)
                .param("limit", limit).param("offset", offset).query(MarketplaceReads::product).list();
    }

    public long countProducts(String q, String category, UUID supplier) {
        return productQuery("select count(*) " + PRODUCTS, q, category, supplier).query(Long.class).single();
    }

    /** The supplier's newest public reviews. */
    public List<Review> reviews(UUID supplierTenantId, int limit) {
        return jdbc.sql("""
                        select score, comment, buyer_name, created_at from supplier_ratings
                        where supplier_tenant_id = :tenant order by created_at desc limit :limit""")
                .param("tenant", supplierTenantId).param("limit", limit)
                .query((rs, i) -> new Review(rs.getInt("score"), rs.getString("comment"), rs.getString("buyer_name"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    /** The supplier's rating over every review. */
    public RatingSummary rating(UUID supplierTenantId) {
        return jdbc.sql("select avg(score)::float8 as average, count(*) as n from supplier_ratings where supplier_tenant_id = :tenant")
                .param("tenant", supplierTenantId)
                .query((rs, i) -> new RatingSummary((Double) rs.getObject("average"), rs.getLong("n"))).single();
    }

    private JdbcClient.StatementSpec supplierQuery(String sql, String q, String category, String city) {
        return jdbc.sql(sql).param("q", q).param("like", SqlLike.contains(q.toLowerCase()))
                .param("category", category.toLowerCase()).param("city", city)
                .param("cityLike", SqlLike.contains(city.toLowerCase()));
    }

    private JdbcClient.StatementSpec productQuery(String sql, String q, String category, UUID supplier) {
        return jdbc.sql(sql).param("q", q).param("like", SqlLike.contains(q.toLowerCase()))
                .param("category", category.toLowerCase()).param("supplier", supplier == null ? null : supplier.toString());
    }

    private static SupplierHit supplier(ResultSet rs, int i) throws SQLException {
        return new SupplierHit(rs.getObject("tenant_id", UUID.class), rs.getString("company"), rs.getString("city"),
                SupplierProfileStore.strings(rs.getArray("categories")),
                SupplierProfileStore.strings(rs.getArray("delivery_zones")), rs.getBigDecimal("minimum_order"),
                rs.getString("currency"), (Integer) rs.getObject("average_delivery_days"), rs.getBoolean("verified"),
                (Double) rs.getObject("rating_average"), rs.getLong("rating_count"), rs.getLong("product_count"));
    }

    private static ProductHit product(ResultSet rs, int i) throws SQLException {
        return new ProductHit(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("company"), rs.getString("name"), rs.getString("category"), rs.getBigDecimal("price"),
                rs.getString("currency"), rs.getString("unit"), rs.getInt("min_quantity"),
                (Integer) rs.getObject("available_stock"));
    }
}
