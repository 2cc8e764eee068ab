package app.comptoir.catalog.persistence;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each product's denormalised search columns up to date: the full-text document (name
 * weighted highest, then brand, tags and SKUs unstemmed, then the description; French and English
 * stems, accents removed), the plain words of the name, brand and tags, and the option values and
 * price range of its active variants (what the facets count); and adds those words to the tenant's vocabulary ({@code catalog_words}), which
 * misspelt query words are corrected against. Called in the same transaction as every catalog
 * write, after the write is flushed.
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
                    || array_to_string(p.tags, ' '))),
                price_min = s.price_min,
                price_max = s.price_max,
                option_values = coalesce(s.option_values, '{}')
            from (select p2.id,
                         string_agg(v.sku, ' ' order by v.position) as skus,
                         (select array_agg(distinct o.key || chr(31) || o.value)
                            from variants v2 cross join jsonb_each_text(v2.options) as o
                           where v2.tenant_id = p2.tenant_id and v2.product_id = p2.id and v2.deleted_at is null
                             and v2.active) as option_values,
                         min(v.price) filter (where v.active) as price_min,
                         max(v.price) filter (where v.active) as price_max
                  from products p2
                  left join variants v on v.tenant_id = p2.tenant_id and v.product_id = p2.id and v.deleted_at is null
                  where p2.tenant_id = ? and %s
                  group by p2.id, p2.tenant_id) s
            where p.tenant_id = ? and p.id = s.id""";

    private static final String WORDS = """
            insert into catalog_words (tenant_id, word)
            select distinct p.tenant_id, w
              from products p cross join regexp_split_to_table(p.search_text, '[^[:alnum:]]+') as w
             where p.tenant_id = ? and %s and length(w) >= 3
            on conflict do nothing""";

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
        jdbc.update(WORDS.formatted("p.id = any(?)"), ps -> {
            ps.setObject(1, tenantId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", productIds.toArray()));
        });
    }

    /** Recomputes the search columns of every product of the tenant and the planner's statistics (after a bulk load). */
    public void refreshAll(UUID tenantId) {
        jdbc.update(REFRESH.formatted("p2.deleted_at is null"), tenantId, tenantId);
        jdbc.update(WORDS.formatted("p.deleted_at is null"), tenantId);
        jdbc.execute("analyze categories, products, variants");
    }
}
