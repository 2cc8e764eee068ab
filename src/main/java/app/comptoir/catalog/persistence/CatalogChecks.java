package app.comptoir.catalog.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.platform.SqlLike;

/** Tenant-wide uniqueness questions the database answers: slugs, SKUs (case-insensitive), barcodes and who owns them. */
@Component
public class CatalogChecks {

    private static final UUID NONE = new UUID(0, 0);

    private final JdbcTemplate jdbc;

    CatalogChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these SKUs (any case) live variants of other products already use, as they spell them. */
    public List<String> skusTaken(UUID tenantId, Collection<String> skus, UUID exceptProductId) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select sku from variants where tenant_id = ? and deleted_at is null and lower(sku) = any(?)
                and product_id <> ? order by sku""", (rs, i) -> rs.getString(1), tenantId,
                lower(skus), exceptProductId == null ? NONE : exceptProductId);
    }

    /** Which of these barcodes live variants of other products already carry. */
    public List<String> barcodesTaken(UUID tenantId, Collection<String> barcodes, UUID exceptProductId) {
        if (barcodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select barcode from variants where tenant_id = ? and deleted_at is null and barcode = any(?)
                and product_id <> ? order by barcode""", (rs, i) -> rs.getString(1), tenantId,
                barcodes.toArray(String[]::new), exceptProductId == null ? NONE : exceptProductId);
    }

    public boolean slugTaken(UUID tenantId, String slug, UUID exceptProductId) {
        Boolean taken = jdbc.queryForObject("""
                select exists (select 1 from products where tenant_id = ? and deleted_at is null and slug = ?
                and id <> ?)""", Boolean.class, tenantId, slug, exceptProductId == null ? NONE : exceptProductId);
        return Boolean.TRUE.equals(taken);
    }

    /** The base slug, or the first of {@code base-2}, {@code base-3}... that no other live product uses. */
    public String freeSlug(UUID tenantId, String base, UUID exceptProductId) {
        Set<String> used = new HashSet<>(jdbc.queryForList("""
                select slug from products where tenant_id = ? and deleted_at is null and id <> ?
                and (slug = ? or slug like ?)""", String.class, tenantId,
                exceptProductId == null ? NONE : exceptProductId, base, SqlLike.startsWith(base + "-")));
        String slug = base;
        for (int n = 2; used.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** The product owning a SKU, and that product's slug. */
    public record SkuOwner(UUID productId, String productSlug) {
    }

    /** The owners of these lower-case SKUs among live variants, by lower-case SKU. */
    public Map<String, SkuOwner> skuOwners(UUID tenantId, String[] lowerSkus) {
        Map<String, SkuOwner> owners = new HashMap<>();
        jdbc.query("""
                select lower(v.sku), v.product_id, p.slug from variants v
                  join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                 where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null and lower(v.sku) = any(?)""",
                rs -> { owners.put(rs.getString(1), new SkuOwner(rs.getObject(2, UUID.class), rs.getString(3))); },
                tenantId, lowerSkus);
        return owners;
    }

    /** The live products with these slugs, by slug. */
    public Map<String, UUID> productsBySlug(UUID tenantId, String[] slugs) {
        Map<String, UUID> bySlug = new HashMap<>();
        jdbc.query("select slug, id from products where tenant_id = ? and deleted_at is null and slug = any(?)",
                rs -> { bySlug.put(rs.getString(1), rs.getObject(2, UUID.class)); }, tenantId, slugs);
        return bySlug;
    }

    /** The products whose live variants carry these barcodes, by barcode. */
    public Map<String, UUID> barcodeOwners(UUID tenantId, Collection<String> barcodes) {
        Map<String, UUID> owners = new LinkedHashMap<>();
        jdbc.query("""
                select barcode, product_id from variants where tenant_id = ? and deleted_at is null and barcode = any(?)""",
                rs -> { owners.put(rs.getString(1), rs.getObject(2, UUID.class)); }, tenantId,
                barcodes.toArray(String[]::new));
        return owners;
    }

    public boolean categoryExists(UUID tenantId, UUID categoryId) {
        Boolean exists = jdbc.queryForObject("select exists (select 1 from categories where tenant_id = ? and id = ? and deleted_at is null)",
                Boolean.class, tenantId, categoryId);
        return Boolean.TRUE.equals(exists);
    }

    private static String[] lower(Collection<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
    }
}
