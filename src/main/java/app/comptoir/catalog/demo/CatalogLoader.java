package app.comptoir.catalog.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.demo.CatalogSeed.CategorySeed;
import app.comptoir.catalog.demo.CatalogSeed.ProductSeed;
import app.comptoir.catalog.demo.CatalogSeed.VariantSeed;
import app.comptoir.catalog.domain.CatalogJson;
import app.comptoir.catalog.persistence.SearchIndex;
import app.comptoir.platform.Ids;

/**
 * Loads a {@link CatalogSeed} into a tenant with JDBC batches (seconds for ten thousand variants),
 * then builds the search columns in one statement. Bulk loads are not written to the audit log,
 * product by product; they are data set-up, not business changes. Runs in the caller's
 * transaction, which must be for the tenant.
 */
@Component
public class CatalogLoader {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final SearchIndex searchIndex;
    private final ProductListCache listCache;
    private final Clock clock;

    CatalogLoader(JdbcTemplate jdbc, SearchIndex searchIndex, ProductListCache listCache, Clock clock) {
        this.jdbc = jdbc;
        this.searchIndex = searchIndex;
        this.listCache = listCache;
        this.clock = clock;
    }

    /** Inserts the categories, products and variants; returns the number of products. */
    public int load(UUID tenantId, CatalogSeed seed) {
        Instant now = Instant.now(clock);
        Map<String, UUID> categoryIds = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        List<Object[]> categories = new ArrayList<>();
        for (CategorySeed c : seed.categories()) {
            UUID id = Ids.newId();
            categoryIds.put(c.path(), id);
            int position = positions.merge(String.valueOf(c.parentPath()), 1, Integer::sum) - 1;
            categories.add(new Object[] {id, tenantId, c.parentPath() == null ? null : categoryIds.get(c.parentPath()),
                    c.name(), position, Timestamp.from(now)});
        }
        jdbc.batchUpdate("""
                insert into categories (id, tenant_id, parent_id, name, position, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 0)""", categories, BATCH, (ps, row) -> {
                    ps.setObject(1, row[0]);
                    ps.setObject(2, row[1]);
                    ps.setObject(3, row[2], Types.OTHER);
                    ps.setString(4, (String) row[3]);
                    ps.setInt(5, (Integer) row[4]);
                    ps.setTimestamp(6, (Timestamp) row[5]);
                    ps.setTimestamp(7, (Timestamp) row[5]);
                });

        List<UUID> productIds = new ArrayList<>();
        List<Object[]> variants = new ArrayList<>();
        for (ProductSeed p : seed.products()) {
            UUID productId = Ids.newId();
            productIds.add(productId);
            Timestamp created = Timestamp.from(now.minus(Duration.ofDays(p.ageDays())).minusSeconds(productIds.size()));
            for (int i = 0; i < p.variants().size(); i++) {
                variants.add(new Object[] {p.variants().get(i), productId, i, created});
            }
        }
        jdbc.batchUpdate("""
                insert into products (id, tenant_id, name, slug, description, brand, category_id, tags, status, vat_rate,
                                      unit, options, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0)""", indexed(seed.products()), BATCH,
                (ps, row) -> {
                    ProductSeed p = (ProductSeed) row[1];
                    int index = (Integer) row[0];
                    Timestamp created = Timestamp.from(now.minus(Duration.ofDays(p.ageDays())).minusSeconds(index + 1));
                    ps.setObject(1, productIds.get(index));
                    ps.setObject(2, tenantId);
                    ps.setString(3, p.name());
                    ps.setString(4, p.slug());
                    ps.setString(5, p.description());
                    ps.setString(6, p.brand());
                    ps.setObject(7, p.categoryPath() == null ? null : categoryIds.get(p.categoryPath()), Types.OTHER);
                    ps.setArray(8, ps.getConnection().createArrayOf("text", p.tags().toArray()));
                    ps.setString(9, p.status().name());
                    ps.setBigDecimal(10, p.vatRate());
                    ps.setString(11, p.unit());
                    ps.setString(12, CatalogJson.options(p.options()));
                    ps.setTimestamp(13, created);
                    ps.setTimestamp(14, created);
                });
        jdbc.batchUpdate("""
                insert into variants (id, tenant_id, product_id, position, sku, barcode, options, price, compare_at_price,
                                      cost, weight, active, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0)""", variants, BATCH, (ps, row) -> {
                    VariantSeed v = (VariantSeed) row[0];
                    setVariant(ps, tenantId, v, (UUID) row[1], (Integer) row[2], (Timestamp) row[3]);
                });
        searchIndex.refreshAll(tenantId);
        listCache.invalidate(tenantId);
        return seed.products().size();
    }

    private static void setVariant(PreparedStatement ps, UUID tenantId, VariantSeed v, UUID productId, int position,
                                   Timestamp created) throws SQLException {
        ps.setObject(1, Ids.newId());
        ps.setObject(2, tenantId);
        ps.setObject(3, productId);
        ps.setInt(4, position);
        ps.setString(5, v.sku());
        ps.setString(6, v.barcode());
        ps.setString(7, CatalogJson.values(v.options()));
        ps.setBigDecimal(8, v.price());
        ps.setBigDecimal(9, v.compareAtPrice());
        ps.setBigDecimal(10, v.cost());
        ps.setBigDecimal(11, v.weight());
        ps.setBoolean(12, v.active());
        ps.setTimestamp(13, created);
        ps.setTimestamp(14, created);
    }

    private static List<Object[]> indexed(List<ProductSeed> products) {
        List<Object[]> rows = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            rows.add(new Object[] {i, products.get(i)});
        }
        return rows;
    }
}
