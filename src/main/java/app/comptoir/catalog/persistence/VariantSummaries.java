package app.comptoir.catalog.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogFigures.VariantFacts;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantChange;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.catalog.domain.CatalogJson;
import app.comptoir.platform.SqlLike;

/**
 * The variants as other modules see them: live variants of live products with what is needed of
 * their product ({@link VariantSummary}), one statement per call whatever the number asked for;
 * the facts statistics read; and the {@code in_stock} flag the inventory keeps.
 */
@Component
public class VariantSummaries {

    private static final String VARIANTS = """
            select v.id, v.product_id, p.name, p.status, v.sku, v.barcode, v.options::text as options, v.price,
                   p.vat_rate, p.unit, v.active, p.options::text as product_options
              from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
             where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null""";

    private static final RowMapper<VariantSummary> SUMMARY = (rs, i) -> new VariantSummary(
            rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class), rs.getString("name"),
            ProductStatus.valueOf(rs.getString("status")), rs.getString("sku"), rs.getString("barcode"),
            CatalogJson.ordered(CatalogJson.values(rs.getString("options")),
                    CatalogJson.options(rs.getString("product_options"))),
            rs.getBigDecimal("price"), rs.getBigDecimal("vat_rate"), rs.getString("unit"), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;

    VariantSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VariantSummary> byId(UUID tenantId, UUID id) {
        return jdbc.query(VARIANTS + " and v.id = ?", SUMMARY, tenantId, id).stream().findFirst();
    }

    /** In no particular order; unknown or deleted ones are left out. */
    public List<VariantSummary> byIds(UUID tenantId, Collection<UUID> ids) {
        return jdbc.query(VARIANTS + " and v.id = any(?)", SUMMARY, tenantId,
                ids.stream().distinct().toArray(UUID[]::new));
    }

    /** By lower-case SKUs, in SKU order. */
    public List<VariantSummary> byLowerSkus(UUID tenantId, String[] lowerSkus) {
        return jdbc.query(VARIANTS + " and lower(v.sku) = any(?) order by v.sku", SUMMARY, tenantId, lowerSkus);
    }

    public Optional<VariantSummary> byBarcode(UUID tenantId, String barcode) {
        return jdbc.query(VARIANTS + " and v.barcode = ?", SUMMARY, tenantId, barcode).stream().findFirst();
    }

    /** How many variants have a SKU starting with the lower-case prefix. */
    public long countBySkuPrefix(UUID tenantId, String lowerPrefix) {
        Long total = jdbc.queryForObject("""
                select count(*) from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null and lower(v.sku) like ?""",
                Long.class, tenantId, SqlLike.startsWith(lowerPrefix));
        return total == null ? 0 : total;
    }

    /** A page of the variants whose SKU starts with the lower-case prefix, by SKU. */
    public List<VariantSummary> bySkuPrefix(UUID tenantId, String lowerPrefix, int limit, long offset) {
        return jdbc.query(VARIANTS + " and lower(v.sku) like ? order by lower(v.sku) limit ? offset ?",
                SUMMARY, tenantId, SqlLike.startsWith(lowerPrefix), limit, offset);
    }

    /**
     * The variants whose variant or product changed after {@code since} (every live one when null), after the id
     * {@code after} (null: from the first), by id, at most {@code limit}: live ones and, when {@code since} is given,
     * the deleted, inactive or archived ones too (marked archived) so that a copy of the catalog drops them.
     */
    public List<VariantChange> changedSince(UUID tenantId, Instant since, UUID after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenantId));
        StringBuilder where = new StringBuilder();
        if (since == null) {
            where.append(" and v.deleted_at is null and p.deleted_at is null and v.active and p.status <> 'ARCHIVED'");
        } else {
            where.append(" and greatest(v.updated_at, p.updated_at, coalesce(v.deleted_at, v.updated_at),"
                    + " coalesce(p.deleted_at, p.updated_at)) > ?");
            args.add(Timestamp.from(since));
        }
        if (after != null) {
            where.append(" and v.id > ?");
            args.add(after);
        }
        args.add(limit);
        return jdbc.query("""
                select v.id, v.product_id, p.name, v.sku, v.barcode, v.options::text as options, p.unit,
                       p.options::text as product_options,
                       (v.deleted_at is not null or p.deleted_at is not null or not v.active
                        or p.status = 'ARCHIVED') as archived,
                       (select i.id from product_images i where i.tenant_id = p.tenant_id and i.product_id = p.id
                         order by i.position, i.id limit 1) as image_id
                  from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                 where v.tenant_id = ?""" + where + " order by v.id limit ?",
                (rs, i) -> new VariantChange(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                        rs.getString("name"), CatalogJson.ordered(CatalogJson.values(rs.getString("options")),
                        CatalogJson.options(rs.getString("product_options"))), rs.getString("sku"),
                        rs.getString("barcode"), rs.getString("unit"), rs.getObject("image_id", UUID.class),
                        rs.getBoolean("archived")),
                args.toArray());
    }

    /** Every live variant with its product's name and category, its cost and price, for statistics. */
    public List<VariantFacts> facts(UUID tenantId) {
        return jdbc.query("""
                select v.id, v.sku, p.id, p.name, p.category_id, v.cost, v.price
                  from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                 where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null""",
                (rs, i) -> new VariantFacts(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getBigDecimal(6), rs.getBigDecimal(7)),
                tenantId);
    }

    /**
     * Sets the stock read model of these variants ({@code in_stock} and {@code available_hint}, the available
     * quantity capped at {@code cap}) in one statement; returns how many changed.
     */
    public int markStock(UUID tenantId, Map<UUID, Integer> available, int cap) {
        if (available.isEmpty()) {
            return 0;
        }
        UUID[] ids = available.keySet().toArray(UUID[]::new);
        Integer[] hints = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            hints[i] = Math.clamp(available.get(ids[i]), 0, cap);
        }
        return jdbc.update("""
                update variants v set in_stock = s.hint > 0, available_hint = s.hint
                  from unnest(?::uuid[], ?::int[]) as s(id, hint)
                 where v.tenant_id = ? and v.id = s.id and (v.in_stock <> (s.hint > 0) or v.available_hint <> s.hint)""",
                ids, hints, tenantId);
    }
}
