package app.comptoir.catalog.search;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's denormalised search columns up to date: the full-text document (name
 * weighted highest, then brand, tags and SKUs, then the description; French and English stems, with
 * accents removed), the plain words that trigram similarity compares misspelt queries with, and the
 * price range of its active variants. Called in the same transaction as every catalog write, after
 * the write is flushed.
 */
@Component
public class SearchIndex {

    private static final String REFRESH = """
            update products p set
                search_document =
                       setweight(to_tsvector('french', catalog_unaccent(p.name)), 'A')
                    || setweight(to_tsvector('english', catalog_unaccent(p.name)), 'A')
                    || setweight(to_tsvector('simple', catalog_unaccent(p.name || ' ' || coalesce(p.brand, '') || ' '
                           || array_to_string(p.tags, ' ') || ' ' || coalesce(s.skus, ''))), 'B')
                    || setweight(to_tsvector('french', catalog_unaccent(coalesce(p.description, ''))), 'C')
                    || setweight(to_tsvector('english', catalog_unaccent(coalesce(p.description, ''))), 'D'),
                search_text = lower(catalog_unaccent(p.name || ' ' || coalesce(p.brand, '') || ' '
                    || array_to_string(p.tags, ' ') || ' ' || coalesce(s.skus, ''))),
                price_min = s.price_min,
                price_max = s.price_max
            from (select p2.id,
                         string_agg(v.sku, ' ' order by v.position) as skus,
                         min(v.price) filter (where v.active) as price_min,
                         max(v.price) filter (where v.active) as price_max
                  from products p2
                  left join variants v on v.tenant_id = p2.tenant_id and v.product_id = p2.id and v.deleted_at is null
                  where p2.tenant_id = ? and %s
                  group by p2.id) s
            where p.tenant_id = ? and p.id = s.id""";

    private final JdbcTemplate jdbc;

    SearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the search columns of these products (flush pending JPA changes first). */
    public void refresh(UUID tenantId, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        jdbc.update(REFRESH.formatted("p2.id = any(?)"), ps -> {
            ps.setObject(1, tenantId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", productIds.toArray()));
            ps.setObject(3, tenantId);
        });
    }

    /** Recomputes the search columns of every product of the tenant (after a bulk load). */
    public void refreshAll(UUID tenantId) {
        jdbc.update(REFRESH.formatted("p2.deleted_at is null"), tenantId, tenantId);
    }
}
