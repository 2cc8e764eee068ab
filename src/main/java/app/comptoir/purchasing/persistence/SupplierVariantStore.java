package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of what suppliers supply ({@code supplier_variants}). At most one preferred supplier per variant
 * (a unique index): {@link #unsetPreferred} runs before a row becomes preferred, in the same transaction.
 */
@Repository
public class SupplierVariantStore {

    private static final String COLUMNS = """
            select id, supplier_id, variant_id, supplier_sku, cost, pack_size, min_quantity, lead_time_days, preferred,
                   supplier_product_id, version from supplier_variants""";

    /** The terms a business types for one variant of one supplier. */
    public record Terms(String supplierSku, BigDecimal cost, int packSize, int minQuantity, Integer leadTimeDays,
                        boolean preferred) {
    }

    private final JdbcTemplate jdbc;

    SupplierVariantStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The supplier's live variants, in the order they were added. */
    public List<SupplierVariantView> ofSupplier(UUID tenant, UUID supplierId) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and supplier_id = ? and deleted_at is null order by created_at, id",
                SupplierVariantStore::view, tenant, supplierId);
    }

    /** The live suppliers' terms for a variant, preferred first. */
    public List<SupplierVariantView> ofVariant(UUID tenant, UUID variantId) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and variant_id = ? and deleted_at is null"
                + " order by preferred desc, cost, id", SupplierVariantStore::view, tenant, variantId);
    }

    public Optional<SupplierVariantView> find(UUID tenant, UUID supplierId, UUID id) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and supplier_id = ? and id = ? and deleted_at is null",
                SupplierVariantStore::view, tenant, supplierId, id).stream().findFirst();
    }

    /** The supplier's live terms for the variant. */
    public Optional<SupplierVariantView> findByVariant(UUID tenant, UUID supplierId, UUID variantId) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and supplier_id = ? and variant_id = ? and deleted_at is null",
                SupplierVariantStore::view, tenant, supplierId, variantId).stream().findFirst();
    }

    /** No supplier is the variant's preferred one any more (before another one becomes it). */
    public void unsetPreferred(UUID tenant, UUID variantId, Instant at, UUID by) {
        jdbc.update("""
                update supplier_variants set preferred = false, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and variant_id = ? and preferred and deleted_at is null""",
                Timestamp.from(at), by, tenant, variantId);
    }

    public void insert(UUID tenant, UUID id, UUID supplierId, UUID variantId, Terms t, Instant at, UUID by) {
        jdbc.update("""
                insert into supplier_variants (id, tenant_id, supplier_id, variant_id, supplier_sku, cost, pack_size,
                  min_quantity, lead_time_days, preferred, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, tenant, supplierId, variantId,
                t.supplierSku(), t.cost(), t.packSize(), t.minQuantity(), t.leadTimeDays(), t.preferred(),
                Timestamp.from(at), by, Timestamp.from(at), by);
    }

    public boolean update(UUID tenant, UUID id, Terms t, Instant at, UUID by) {
        return jdbc.update("""
                update supplier_variants set supplier_sku = ?, cost = ?, pack_size = ?, min_quantity = ?,
                  lead_time_days = ?, preferred = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""", t.supplierSku(), t.cost(), t.packSize(),
                t.minQuantity(), t.leadTimeDays(), t.preferred(), Timestamp.from(at), by, tenant, id) == 1;
    }

    public boolean delete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.update("""
                update supplier_variants set deleted_at = ?, deleted_by = ?, preferred = false, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""", Timestamp.from(at), by, tenant, id) == 1;
    }

    private static SupplierVariantView view(ResultSet rs, int i) throws SQLException {
        return new SupplierVariantView(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
                rs.getObject("variant_id", UUID.class), rs.getString("supplier_sku"), rs.getBigDecimal("cost"),
                rs.getInt("pack_size"), rs.getInt("min_quantity"), (Integer) rs.getObject("lead_time_days"),
                rs.getBoolean("preferred"), rs.getObject("supplier_product_id", UUID.class), rs.getLong("version"));
    }
}
