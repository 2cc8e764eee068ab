package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SqlLike;
import app.comptoir.purchasing.domain.SupplierOfferRules.ProductSpec;

/**
 * Registered suppliers' catalogs ({@code supplier_products}). The owner writes its rows (row-level security
 * refuses another business's); every signed-in business reads the live ones (the marketplace). Deletion is soft:
 * an order keeps pointing at the item it bought.
 */
@Repository
public class SupplierProductStore {

    /** A catalog item as stored; {@code supplierTenantId} is the supplier's business. */
    public record Row(UUID id, UUID supplierTenantId, String name, String category, String description,
                      BigDecimal price, String unit, int minQuantity, Integer availableStock, boolean available) {
    }

    private static final String SEARCH = """
             from supplier_products where tenant_id = :tenant and deleted_at is null
              and (:q = '' or lower(name) like :like or lower(coalesce(category, '')) like :like)""";

    private final JdbcClient jdbc;

    SupplierProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the supplier's own catalog, by name, with a search on name and category. */
    public List<Row> page(UUID tenantId, String q, int offset, int limit) {
        return jdbc.sql("select * " + SEARCH + " order by lower(name), id limit :limit offset :offset")
                .param("tenant", tenantId).param("q", q).param("like", SqlLike.contains(q.toLowerCase()))
                .param("limit", limit).param("offset", offset).query(SupplierProductStore::row).list();
    }

    /** How many items match the search. */
    public long count(UUID tenantId, String q) {
        return jdbc.sql("select count(*) " + SEARCH).param("tenant", tenantId).param("q", q)
                .param("like", SqlLike.contains(q.toLowerCase())).query(Long.class).single();
    }

    /** A live item of this supplier. */
    public Optional<Row> find(UUID supplierTenantId, UUID id) {
        return jdbc.sql("select * from supplier_products where tenant_id = :tenant and id = :id and deleted_at is null")
                .param("tenant", supplierTenantId).param("id", id).query(SupplierProductStore::row).optional();
    }

    /** The live items of this supplier among the ids. */
    public List<Row> findAll(UUID supplierTenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from supplier_products where tenant_id = :tenant and id in (:ids) and deleted_at is null")
                .param("tenant", supplierTenantId).param("ids", ids).query(SupplierProductStore::row).list();
    }

    public void insert(UUID id, UUID tenantId, ProductSpec spec, UUID actor, Instant at) {
        jdbc.sql("""
                        insert into supplier_products (id, tenant_id, name, category, description, price, unit, min_quantity,
                          available_stock, available, created_at, created_by, updated_at, updated_by)
                        values (:id, :tenant, :name, :category, :description, :price, :unit, :min, :stock, :available,
                          :at, :actor, :at, :actor)""")
                .param("id", id).param("tenant", tenantId).param("name", spec.name())
                .param("category", spec.category()).param("description", spec.description())
                .param("price", spec.price()).param("unit", spec.unit()).param("min", spec.minQuantity())
                .param("stock", spec.availableStock()).param("available", spec.available())
                .param("at", Timestamp.from(at)).param("actor", actor).update();
    }

    /** Saves the item; false when the business has no such live item. */
    public boolean update(UUID tenantId, UUID id, ProductSpec spec, UUID actor, Instant at) {
        return jdbc.sql("""
                        update supplier_products set name = :name, category = :category, description = :description,
                          price = :price, unit = :unit, min_quantity = :min, available_stock = :stock,
                          available = :available, updated_at = :at, updated_by = :actor, version = version + 1
                        where tenant_id = :tenant and id = :id and deleted_at is null""")
                .param("id", id).param("tenant", tenantId).param("name", spec.name())
                .param("category", spec.category()).param("description", spec.description())
                .param("price", spec.price()).param("unit", spec.unit()).param("min", spec.minQuantity())
                .param("stock", spec.availableStock()).param("available", spec.available())
                .param("at", Timestamp.from(at)).param("actor", actor).update() == 1;
    }

    /** Removes the item from the catalog (soft); false when the business has no such live item. */
    public boolean delete(UUID tenantId, UUID id, UUID actor, Instant at) {
        return jdbc.sql("""
                        update supplier_products set deleted_at = :at, deleted_by = :actor, updated_at = :at,
                          updated_by = :actor, version = version + 1
                        where tenant_id = :tenant and id = :id and deleted_at is null""")
                .param("tenant", tenantId).param("id", id).param("at", Timestamp.from(at)).param("actor", actor)
                .update() == 1;
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                rs.getString("category"), rs.getString("description"), rs.getBigDecimal("price"), rs.getString("unit"),
                rs.getInt("min_quantity"), (Integer) rs.getObject("available_stock"), rs.getBoolean("available"));
    }
}
