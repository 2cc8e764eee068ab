package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.platform.TenantContext;

/** The catalog facts that statistics need for every variant at once: product, category, cost and price. */
@Service
@Transactional(readOnly = true)
public class CatalogFigures {

    /** One variant (not deleted) with its product's name and category, its cost (may be unknown) and price. */
    public record VariantFacts(UUID variantId, String sku, UUID productId, String productName, UUID categoryId,
                               BigDecimal cost, BigDecimal price) {
    }

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final ProductListCache listCache;

    CatalogFigures(JdbcTemplate jdbc, TenantContext tenantContext, ProductListCache listCache) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.listCache = listCache;
    }

    /**
     * A number that moves whenever the current tenant's catalog changes and the change is committed on this
     * node (the version the product list cache is keyed by): facts read under one version may be kept until it moves.
     */
    public long version() {
        return listCache.version(tenantContext.requireTenant());
    }

    /** Every variant of the current tenant (deleted products and variants left out). */
    public List<VariantFacts> variants() {
        return jdbc.query("""
                select v.id, v.sku, p.id, p.name, p.category_id, v.cost, v.price
                  from variants v join products p on p.tenant_id = v.tenant_id and p.id = v.product_id
                 where v.tenant_id = ? and v.deleted_at is null and p.deleted_at is null""",
                (rs, i) -> new VariantFacts(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getBigDecimal(6), rs.getBigDecimal(7)),
                tenantContext.requireTenant());
    }
}
