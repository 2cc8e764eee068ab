package app.comptoir.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.ProductFacets;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.domain.ProductViews;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageRequests;

/**
 * Product search in PostgreSQL, in a fixed number of statements whatever the page size: the page
 * of ids with the total, the products of the page ({@link ProductViews}) and the facet counts (and
 * two more when a text finds nothing and looser typo matching is tried).
 *
 * <p>Text matches when the full-text document matches (French, English and unstemmed words; accents
 * ignored), or when a word of the name, brand, tags or SKUs is close enough to the query by trigram
 * similarity (PostgreSQL's default threshold, 0.5), so {@code arosoir} finds {@code Arrosoir}; when
 * that finds nothing, with a looser threshold, so {@code secatuer} finds {@code Sécateur}. Both use
 * GIN indexes.
 */
@Component
public class ProductSearch {

    /** Sorts the API accepts. */
    public static final List<String> SORTS = List.of("relevance", "name", "-name", "price", "-price", "newest", "oldest");

    private static final String TSQUERY = "(websearch_to_tsquery('french', catalog_unaccent(:q))"
            + " || websearch_to_tsquery('english', catalog_unaccent(:q))"
            + " || websearch_to_tsquery('simple', catalog_unaccent(:q)))";
    /**
     * How close (trigram strict word similarity, 0 to 1) a word must be to the query to count as a typo
     * of it when the usual threshold (0.5, one letter missing, added or wrong) finds nothing.
     */
    static final double LOOSE_TYPO_THRESHOLD = 0.3;

    private static final String QN = "lower(catalog_unaccent(:q))";
    private static final String RANK = "(ts_rank(p.search_document, " + TSQUERY + ")"
            + " + strict_word_similarity(" + QN + ", p.search_text))";
    private static final String DESCENDANTS = """
            (with recursive tree as (
                 select c.id from categories c where c.tenant_id = :tenant and c.id = :category
                 union all
                 select c.id from categories c join tree t on c.parent_id = t.id where c.tenant_id = :tenant)
             select id from tree)""";
    private static final String FACETS = """
            with recursive f as materialized (select p.id, p.category_id, p.tags from products p where %s),
            direct as (select category_id, count(*) as n from f where category_id is not null group by category_id),
            up (category_id, ancestor_id, parent_id, n) as (
                select d.category_id, c.id, c.parent_id, d.n
                  from direct d join categories c on c.tenant_id = :tenant and c.id = d.category_id
                union all
                select u.category_id, c.id, c.parent_id, u.n
                  from up u join categories c on c.tenant_id = :tenant and c.id = u.parent_id),
            fv as (select v.product_id, v.options, v.price
                     from f join variants v on v.tenant_id = :tenant and v.product_id = f.id
                    where v.deleted_at is null and v.active)
            select 'category' as kind, u.ancestor_id::text as k, c.name as v, c.parent_id::text as extra,
                   sum(u.n)::bigint as n, null::numeric as lo, null::numeric as hi
              from up u join categories c on c.tenant_id = :tenant and c.id = u.ancestor_id
             group by u.ancestor_id, c.name, c.parent_id
            union all
            select 'tag', t.tag, null, null, count(*), null, null from f cross join unnest(f.tags) as t(tag) group by t.tag
            union all
            select 'option', o.key, o.value, null, count(distinct fv.product_id), null, null
              from fv cross join jsonb_each_text(fv.options) as o group by o.key, o.value
            union all
            select 'price', null, null, null, count(*), min(fv.price), max(fv.price) from fv""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProductViews views;

    ProductSearch(NamedParameterJdbcTemplate jdbc, ProductViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    @Transactional(readOnly = true)
    public ProductPage search(UUID tenantId, ProductQuery query) {
        PageRequests.of(query.page(), query.size(), org.springframework.data.domain.Sort.unsorted());
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId);
        String where = where(query, params);
        boolean text = params.hasValue("q");
        String sort = query.sort() == null || query.sort().isBlank() ? (text ? "relevance" : "name") : query.sort().trim();
        String orderBy = switch (sort) {
            case "relevance" -> text ? RANK + " desc, lower(catalog_unaccent(p.name)), p.id"
                    : "lower(catalog_unaccent(p.name)), p.id";
            case "name" -> "lower(catalog_unaccent(p.name)), p.id";
            case "-name" -> "lower(catalog_unaccent(p.name)) desc, p.id";
            case "price" -> "p.price_min nulls last, lower(catalog_unaccent(p.name)), p.id";
            case "-price" -> "p.price_max desc nulls last, lower(catalog_unaccent(p.name)), p.id";
            case "newest" -> "p.created_at desc, p.id desc";
            case "oldest" -> "p.created_at, p.id";
            default -> throw InvalidInputException.field("sort", "must be one of " + SORTS);
        };
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        Page page = page(where, orderBy, params, query.page());
        if (page.total() == 0 && text) {
            // Nothing close enough: accept looser matches (a swapped pair of letters, "secatuer"), for
            // this transaction only. Done only now, so that ordinary searches stay precise.
            jdbc.getJdbcTemplate().query("select set_config('pg_trgm.strict_word_similarity_threshold', ?, true)",
                    rs -> { }, String.valueOf(LOOSE_TYPO_THRESHOLD));
            page = page(where, orderBy, params, query.page());
        }
        List<UUID> ids = page.ids();
        List<ProductView> items = views.load(tenantId, ids);
        ProductFacets facets = query.facets() ? facets(where, params) : null;
        return new ProductPage(items, page.total(), query.page(), query.size(), facets);
    }

    private record Page(List<UUID> ids, long total) {
    }

    private Page page(String where, String orderBy, MapSqlParameterSource params, int pageNumber) {
        List<UUID> ids = new ArrayList<>();
        long[] total = {0};
        jdbc.query("select p.id, count(*) over () as total from products p where " + where + " order by " + orderBy
                + " limit :limit offset :offset", params, rs -> {
                    ids.add(rs.getObject(1, UUID.class));
                    total[0] = rs.getLong(2);
                });
        if (ids.isEmpty() && pageNumber > 0) {
            Long count = jdbc.queryForObject("select count(*) from products p where " + where, params, Long.class);
            total[0] = count == null ? 0 : count;
        }
        return new Page(ids, total[0]);
    }

    private static String where(ProductQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("p.tenant_id = :tenant and p.deleted_at is null");
        if (query.status() != null) {
            where.append(" and p.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.categoryId() != null) {
            where.append(" and p.category_id in ").append(DESCENDANTS);
            params.addValue("category", query.categoryId());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            where.append(" and p.tags @> array[cast(:tag as text)]");
            params.addValue("tag", query.tag().trim().toLowerCase(Locale.ROOT));
        }
        BigDecimal min = query.priceMin();
        BigDecimal max = query.priceMax();
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw InvalidInputException.field("priceMin", "must not be above priceMax");
        }
        if (min != null || max != null) {
            where.append(" and exists (select 1 from variants v where v.tenant_id = :tenant and v.product_id = p.id"
                    + " and v.deleted_at is null and v.active");
            if (min != null) {
                where.append(" and v.price >= :priceMin");
                params.addValue("priceMin", min);
            }
            if (max != null) {
                where.append(" and v.price <= :priceMax");
                params.addValue("priceMax", max);
            }
            where.append(')');
        }
        if (query.inStock() != null) {
            // Until inventory tracks stock, an active variant is an available one.
            where.append(query.inStock() ? " and exists" : " and not exists").append(
                    " (select 1 from variants v where v.tenant_id = :tenant and v.product_id = p.id"
                            + " and v.deleted_at is null and v.active)");
        }
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            if (q.length() > 200) {
                throw InvalidInputException.field("q", "must be at most 200 characters");
            }
            where.append(" and (p.search_document @@ ").append(TSQUERY).append(" or p.search_text %>> ").append(QN).append(')');
            params.addValue("q", q);
        }
        return where.toString();
    }

    private ProductFacets facets(String where, MapSqlParameterSource params) {
        List<ProductFacets.CategoryCount> categories = new ArrayList<>();
        List<ProductFacets.TagCount> tags = new ArrayList<>();
        Map<String, List<ProductFacets.ValueCount>> options = new LinkedHashMap<>();
        ProductFacets.PriceRange[] price = {new ProductFacets.PriceRange(null, null)};
        jdbc.query(FACETS.formatted(where), params, rs -> {
            switch (rs.getString("kind")) {
                case "category" -> {
                    String parent = rs.getString("extra");
                    categories.add(new ProductFacets.CategoryCount(UUID.fromString(rs.getString("k")), rs.getString("v"),
                            parent == null ? null : UUID.fromString(parent), rs.getLong("n")));
                }
                case "tag" -> tags.add(new ProductFacets.TagCount(rs.getString("k"), rs.getLong("n")));
                case "option" -> options.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
                        .add(new ProductFacets.ValueCount(rs.getString("v"), rs.getLong("n")));
                default -> price[0] = new ProductFacets.PriceRange(rs.getBigDecimal("lo"), rs.getBigDecimal("hi"));
            }
        });
        categories.sort(Comparator.comparingLong(ProductFacets.CategoryCount::count).reversed()
                .thenComparing(ProductFacets.CategoryCount::name));
        tags.sort(Comparator.comparingLong(ProductFacets.TagCount::count).reversed()
                .thenComparing(ProductFacets.TagCount::value));
        List<ProductFacets.OptionFacet> optionFacets = new ArrayList<>();
        Map<String, List<ProductFacets.ValueCount>> sortedOptions = new java.util.TreeMap<>(options);
        sortedOptions.forEach((name, values) -> {
            values.sort(Comparator.comparingLong(ProductFacets.ValueCount::count).reversed()
                    .thenComparing(ProductFacets.ValueCount::value));
            optionFacets.add(new ProductFacets.OptionFacet(name, List.copyOf(values)));
        });
        return new ProductFacets(List.copyOf(categories), List.copyOf(tags), List.copyOf(optionFacets), price[0]);
    }
}
