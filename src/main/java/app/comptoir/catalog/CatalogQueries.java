package app.comptoir.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.domain.CatalogJson;
import app.comptoir.catalog.application.Categories;
import app.comptoir.catalog.persistence.ProductViews;
import app.comptoir.catalog.persistence.ProductSearch;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;
import app.comptoir.platform.TenantContext;

/** Read access to the current tenant's catalog, for the API and for other modules (sales, inventory...). */
@Service
@Transactional(readOnly = true)
public class CatalogQueries {

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

    private final ProductSearch search;
    private final ProductViews views;
    private final Categories categories;
    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;

    CatalogQueries(ProductSearch search, ProductViews views, Categories categories, JdbcTemplate jdbc,
                   TenantContext tenantContext) {
        this.search = search;
        this.views = views;
        this.categories = categories;
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
    }

    /** Searches products (see {@link ProductQuery}). */
    public ProductPage search(ProductQuery query) {
        return search.search(tenantContext.requireTenant(), query);
    }

    /** A live product with its variants and images. */
    public Optional<ProductView> product(UUID id) {
        return views.find(tenantContext.requireTenant(), id);
    }

    /** A live variant of a live product. */
    public Optional<VariantSummary> variant(UUID id) {
        return jdbc.query(VARIANTS + " and v.id = ?", SUMMARY, tenantContext.requireTenant(), id).stream().findFirst();
    }

    /** The live variants with these ids (unknown or deleted ones are left out), in no particular order. */
    public List<VariantSummary> variants(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(VARIANTS + " and v.id = any(?)", SUMMARY, tenantContext.requireTenant(),
                ids.stream().distinct().toArray(UUID[]::new));
    }

    /** The live variant with this SKU, whatever its case. */
    public Optional<VariantSummary> variantBySku(String sku) {
        return variantsBySku(List.of(sku)).stream().findFirst();
    }

    /** The live variants with these SKUs (case-insensitive), in SKU order. */
    public List<VariantSummary> variantsBySku(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        String[] lower = skus.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return jdbc.query(VARIANTS + " and lower(v.sku) = any(?) order by v.sku", SUMMARY,
                tenantContext.requireTenant(), lower);
    }

    /** The live variant with this barcode (EAN-13, UPC-A or EAN-8). */
    public Optional<VariantSummary> variantByBarcode(String barcode) {
        return jdbc.query(VARIANTS + " and v.barcode = ?", SUMMARY, tenantContext.requireTenant(), barcode.trim())
                .stream().findFirst();
    }

    /** Live variants whose SKU starts with the text (any case), by SKU; all of them without text. */
    public PageResponse<VariantSummary> variants(String skuPrefix, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        UUID tenant = tenantContext.requireTenant();
        String prefix = skuPrefix == null ? "" : skuPrefix.trim().toLowerCase(Locale.ROOT);
        String pattern = SqlLike.startsWith(prefix);
        Long total = jdbc.queryForObject("""
                select count(*) from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null and lower(v.sku) like ?""",
                Long.class, tenant, pattern);
        List<VariantSummary> items = jdbc.query(VARIANTS + " and lower(v.sku) like ? order by lower(v.sku) limit ? offset ?",
                SUMMARY, tenant, pattern, size, (long) page * size);
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    /** The category tree. */
    public List<CategoryNode> categories() {
        return categories.tree();
    }

    /** The tags in use by live products, with how many products carry each, by name. */
    public List<ProductFacets.TagCount> tags(String prefix) {
        String p = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
        return jdbc.query("""
                select t.tag, count(*) from products p cross join unnest(p.tags) as t(tag)
                where p.tenant_id = ? and p.deleted_at is null and t.tag like ? group by t.tag order by t.tag""",
                (rs, i) -> new ProductFacets.TagCount(rs.getString(1), rs.getLong(2)), tenantContext.requireTenant(),
                SqlLike.startsWith(p));
    }
}
