package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of reorder suggestions on the purchasing side: what is on order, and each variant's preferred supplier. */
@Component
public class ReorderReads {

    /** A variant's preferred supplier with its terms. */
    public record PreferredSupplier(UUID variantId, UUID supplierId, String supplierName, BigDecimal cost,
                                    int packSize, int minQuantity, Integer leadTimeDays, UUID supplierProductId,
                                    String supplierSku) {
    }

    private final JdbcClient jdbc;

    ReorderReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What remains to receive (ordered minus received) per variant on the orders the suppliers have (SENT,
     * CONFIRMED, SHIPPED); variants with nothing on order are absent.
     */
    public Map<UUID, Integer> onOrder(UUID tenant, Collection<UUID> variants) {
        Map<UUID, Integer> found = new HashMap<>();
        if (variants.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select l.variant_id, sum(greatest(l.quantity - l.received_quantity, 0))
                  from purchase_order_lines l join purchase_orders o on o.id = l.order_id
                 where o.tenant_id = ? and l.tenant_id = ? and o.status in ('SENT', 'CONFIRMED', 'SHIPPED')
                   and o.deleted_at is null and l.variant_id = any(?)
                 group by l.variant_id""")
                .params(tenant, tenant, variants.stream().distinct().toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return found;
    }

    /** The preferred supplier of each of these variants that has one (suppliers not deleted). */
    public Map<UUID, PreferredSupplier> preferredSuppliers(UUID tenant, Collection<UUID> variants) {
        Map<UUID, PreferredSupplier> found = new HashMap<>();
        if (variants.isEmpty()) {
            return found;
        }
        List<PreferredSupplier> rows = jdbc.sql("""
                select sv.variant_id, s.id, s.name, sv.cost, sv.pack_size, sv.min_quantity, sv.lead_time_days,
                       sv.supplier_product_id, sv.supplier_sku
                  from supplier_variants sv join suppliers s on s.id = sv.supplier_id
                 where sv.tenant_id = ? and sv.preferred and sv.deleted_at is null and s.deleted_at is null
                   and sv.variant_id = any(?)""")
                .params(tenant, variants.stream().distinct().toArray(UUID[]::new))
                .query((rs, i) -> new PreferredSupplier(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getBigDecimal(4), rs.getInt(5), rs.getInt(6),
                        (Integer) rs.getObject(7), rs.getObject(8, UUID.class), rs.getString(9)))
                .list();
        rows.forEach(r -> found.put(r.variantId(), r));
        return found;
    }
}
