package app.comptoir.catalog.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.ProductCard;
import app.comptoir.catalog.ProductFacets;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductView;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.SqlLike;

/**
 * Product search in PostgreSQL. One statement finds the filtered set once and returns from it the
 * page of ids, the total and the facet counts; a second loads the products of the page with their
 * variants and images ({@link ProductViews}), or only what a product card shows ({@link ProductCards}). So a
 * list costs the same whatever the page size.
 *
 * <p>Text: every word of the query must match (stop words such as {@code de} or {@code the} are
 * ignored), in the name, brand, tags, SKUs or description, as itself, by its French or English stem
 * (accents ignored), or, when the word is not in the tenant's vocabulary, by the closest words of
 * that vocabulary by trigram similarity (so {@code arosoir} finds {@code Arrosoir} and
 * {@code secatuer} finds {@code Sécateur}). Results are ranked by {@code ts_rank}, the name weighing
 * most. Under row-level security PostgreSQL uses no GIN index for these non-leakproof operators,
 * so the design keeps per-row work to one tsvector match and puts the similarity work on the small
 * vocabulary instead of the products; the filters it may use an index for (uuid and text equality are
 * leakproof) are written as index conditions (the category as {@code = any(array(...))}).
 */
@Component
public class ProductSearch {

    /** Sorts the API accepts. */
    public static final List<String> SORTS = List.of("relevance", "name", "-name", "price", "-price", "newest", "oldest");

    /**
     * The query as a tsquery: for each word, in order, the alternatives it may match (itself, its
     * stems, and for an unknown word the vocabulary words nearly as similar as the best one), ANDed.
     */
    private static final String TEXT_QUERY = """
            qw as (
                select t.w, t.ord
                  from regexp_split_to_table(lower(catalog_unaccent(cast(:q as text))), '[^[:alnum:]]+')
                       with ordinality as t(w, ord)
                 where t.w <> ''),
            terms as (
                select qw.ord, qw.w, ts_lexize('french_stem', qw.w) as fr, ts_lexize('english_stem', qw.w) as en
                  from qw),
            alts as (
                select t.ord,
                       array[t.w] || coalesce(t.fr, '{}') || coalesce(t.en, '{}')
                       || case when length(t.w) < 3
                                 or exists (select 1 from catalog_words cw where cw.tenant_id = :tenant and cw.word = t.w)
                               then '{}'::text[]
                               else coalesce((select array_agg(c.word) from (
                                       select cw.word, similarity(cw.word, t.w) as s,
                                              max(similarity(cw.word, t.w)) over () as best
                                         from catalog_words cw
                                        where cw.tenant_id = :tenant and cw.word %% t.w
                                        order by s desc, cw.word limit 3) c
                                     where c.s >= c.best * 0.8), '{}') end as lexemes
                  from terms t
                 where coalesce(cardinality(t.fr), 1) > 0 and coalesce(cardinality(t.en), 1) > 0),
            query as (
                select to_tsquery('simple', string_agg('(' || (select string_agg(distinct quote_literal(l), ' | ')
                                                                 from unnest(a.lexemes) as l) || ')', ' & ' order by a.ord)) as tsq
                  from alts a),
            """;
    private static final String TSQUERY = "(select tsq from query)";
    private static final String RANK = "ts_rank(p.search_document, " + TSQUERY + ")";
    /**
     * The category and its sub-categories as an array: {@code category_id = any(array(...))} is an index
     * condition on {@code (tenant_id, category_id)} (uuid equality is leakproof, so row-level security lets
     * PostgreSQL use it), where {@code in (subquery)} made it read every product of the business.
     */
    private static final String DESCENDANTS = """
            any(array(with recursive tree as (
                 select c.id from categories c where c.tenant_id = :tenant and c.id = :category
                 union all
                 select c.id from categories c join tree t on c.parent_id = t.id where c.tenant_id = :tenant)
             select id from tree))""";
    /** The filtered set, with what the sorts need. */
    private static final String FILTERED = """
            f as materialized (
                select p.id, p.category_id, p.tags, p.option_values, %s as rank,
                       p.name_key, p.price_min, p.price_max, p.created_at
                  from products p where %s),
            page as (
                select f.id, row_number() over (order by %s) as position from f order by %s
                 limit :limit offset :offset)""";
    private static final String PAGE_AND_TOTAL = """
            select 'page' as kind, page.id::text as k, null::text as v, null::text as extra, page.position as n,
                   null::numeric as lo, null::numeric as hi
              from page
            union all
            select 'total', null, null, null, count(*), null, null from f""";
    private static final String FACETS = """
            ,
            direct as (select category_id, count(*) as n from f where category_id is not null group by category_id),
            up (category_id, ancestor_id, parent_id, n) as (
                select d.category_id, c.id, c.parent_id, d.n
                  from direct d join categories c on c.tenant_id = :tenant and c.id = d.category_id
                union all
                select u.category_id, c.id, c.parent_id, u.n
                  from up u join categories c on c.tenant_id = :tenant and c.id = u.parent_id)
            %s
            union all
            select 'category', u.ancestor_id::text, c.name, c.parent_id::text, sum(u.n)::bigint, null, null
              from up u join categories c on c.tenant_id = :tenant and c.id = u.ancestor_id
             group by u.ancestor_id, c.name, c.parent_id
            union all
            select 'tag', t.tag, null, null, count(*), null, null from f cross join unnest(f.tags) as t(tag) group by t.tag
            union all
            select 'option', split_part(o.pair, chr(31), 1), split_part(o.pair, chr(31), 2), null, count(*), null, null
              from f cross join unnest(f.option_values) as o(pair) group by o.pair
            union all
            select 'price', null, null, null, count(*), min(f.price_min), max(f.price_max) from f""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProductViews views;
    private final ProductCards cards;

    ProductSearch(NamedParameterJdbcTemplate jdbc, ProductViews views, ProductCards cards) {
        this.jdbc = jdbc;
        this.views = views;
        this.cards = cards;
    }

    @Transactional(readOnly = true)
    public ProductPage search(UUID tenantId, ProductQuery query) {
        Result result = find(tenantId, query);
        List<ProductView> items = views.load(tenantId, new ArrayList<>(result.page.values()));
        return new ProductPage(items, result.total, query.page(), query.size(),
                query.facets() ? result.facets() : null);
    }

    /**
     * The same search as {@link #search}, each product of the page as a card (see {@link ProductCards}). Without facets
     * the page's cards come with the search itself, in one statement.
     */
    @Transactional(readOnly = true)
    public ProductCard.Page cards(UUID tenantId, ProductQuery query) {
        if (query.facets()) {
            Result result = find(tenantId, query);
            List<ProductCard> items = cards.load(tenantId, new ArrayList<>(result.page.values()));
            return new ProductCard.Page(items, result.total, query.page(), query.size(), result.facets());
        }
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId);
        ProductCards.Found found = cards.find(filtered(query, params), params);
        // A page past the end has no row to carry the total: counted apart (an empty first page has none).
        long total = found.total() != null ? found.total() : query.page() == 0 ? 0 : find(tenantId, query).total;
        return new ProductCard.Page(found.cards(), total, query.page(), query.size(), null);
    }

    private Result find(UUID tenantId, ProductQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId);
        String sql = filtered(query, params) + (query.facets() ? FACETS.formatted(PAGE_AND_TOTAL) : "\n" + PAGE_AND_TOTAL);
        return run(sql, params);
    }

    /**
     * The start of the search statement: its common table expressions up to {@code f} (the filtered products, with
     * what the sorts need) and {@code page} (the ids of the page with their {@code position}).
     */
    private static String filtered(ProductQuery query, MapSqlParameterSource params) {
        PageRequests.of(query.page(), query.size(), org.springframework.data.domain.Sort.unsorted());
        String where = where(query, params);
        boolean text = params.hasValue("q");
        String sort = query.sort() == null || query.sort().isBlank() ? (text ? "relevance" : "name") : query.sort().trim();
        String orderBy = switch (sort) {
            case "relevance" -> text ? "f.rank desc, f.name_key, f.id" : "f.name_key, f.id";
            case "name" -> "f.name_key, f.id";
            case "-name" -> "f.name_key desc, f.id";
            case "price" -> "f.price_min nulls last, f.name_key, f.id";
            case "-price" -> "f.price_max desc nulls last, f.name_key, f.id";
            case "newest" -> "f.created_at desc, f.id desc";
            case "oldest" -> "f.created_at, f.id";
            default -> throw InvalidInputException.field("sort", "must be one of " + SORTS);
        };
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        String filtered = FILTERED.formatted(text && sort.equals("relevance") ? RANK : "0", where, orderBy, orderBy);
        return "with recursive " + (text ? TEXT_QUERY.formatted() : "") + filtered;
    }

    /** What the statement returned: the page's ids by position, the total, and the facet rows. */
    private static final class Result {
        final Map<Long, UUID> page = new TreeMap<>();
        long total;
        final List<ProductFacets.CategoryCount> categories = new ArrayList<>();
        final List<ProductFacets.TagCount> tags = new ArrayList<>();
        final Map<String, List<ProductFacets.ValueCount>> options = new TreeMap<>();
        ProductFacets.PriceRange price = new ProductFacets.PriceRange(null, null);

        ProductFacets facets() {
            categories.sort(Comparator.comparingLong(ProductFacets.CategoryCount::count).reversed()
                    .thenComparing(ProductFacets.CategoryCount::name));
            tags.sort(Comparator.comparingLong(ProductFacets.TagCount::count).reversed()
                    .thenComparing(ProductFacets.TagCount::value));
            List<ProductFacets.OptionFacet> optionFacets = new ArrayList<>();
            options.forEach((name, values) -> {
                values.sort(Comparator.comparingLong(ProductFacets.ValueCount::count).reversed()
                        .thenComparing(ProductFacets.ValueCount::value));
                optionFacets.add(new ProductFacets.OptionFacet(name, List.copyOf(values)));
            });
            return new ProductFacets(List.copyOf(categories), List.copyOf(tags), List.copyOf(optionFacets), price);
        }
    }

    private Result run(String sql, MapSqlParameterSource params) {
        Result result = new Result();
        jdbc.query(sql, params, rs -> {
            switch (rs.getString("kind")) {
                case "page" -> result.page.put(rs.getLong("n"), UUID.fromString(rs.getString("k")));
                case "total" -> result.total = rs.getLong("n");
                case "category" -> {
                    String parent = rs.getString("extra");
                    result.categories.add(new ProductFacets.CategoryCount(UUID.fromString(rs.getString("k")),
                            rs.getString("v"), parent == null ? null : UUID.fromString(parent), rs.getLong("n")));
                }
                case "tag" -> result.tags.add(new ProductFacets.TagCount(rs.getString("k"), rs.getLong("n")));
                case "option" -> result.options.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
                        .add(new ProductFacets.ValueCount(rs.getString("v"), rs.getLong("n")));
                default -> result.price = new ProductFacets.PriceRange(rs.getBigDecimal("lo"), rs.getBigDecimal("hi"));
            }
        });
        return result;
    }

    private static String where(ProductQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("p.tenant_id = :tenant and p.deleted_at is null");
        if (query.status() != null) {
            where.append(" and p.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.categoryId() != null) {
            where.append(" and p.category_id = ").append(DESCENDANTS);
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
        if (!query.options().isEmpty()) {
            // "name<US>value" pairs, as the search index keeps the active variants' options (see SearchIndex)
            StringBuilder pairs = new StringBuilder();
            int i = 0;
            for (Map.Entry<String, String> option : query.options().entrySet()) {
                pairs.append(i == 0 ? "" : ", ").append("cast(:option").append(i).append(" as text)");
                params.addValue("option" + i, option.getKey() + (char) 31 + option.getValue());
                i++;
            }
            where.append(" and p.option_values @> array[").append(pairs).append(']');
        }
        if (query.inStock() != null) {
            // in_stock is the catalog's own read model of stock, kept by inventory (see CatalogStock).
            where.append(query.inStock() ? " and exists" : " and not exists").append(
                    " (select 1 from variants v where v.tenant_id = :tenant and v.product_id = p.id"
                            + " and v.deleted_at is null and v.active and v.in_stock)");
        }
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            if (q.length() > 200) {
                throw InvalidInputException.field("q", "must be at most 200 characters");
            }
            where.append(" and p.search_document @@ ").append(TSQUERY);
            params.addValue("q", q);
        }
        return where.toString();
    }

    /** The tags in use by the tenant's live products that start with the lower-case prefix, with their counts, by tag. */
    @Transactional(readOnly = true)
    public List<ProductFacets.TagCount> tags(UUID tenantId, String lowerPrefix) {
        return jdbc.getJdbcTemplate().query("""
                select t.tag, count(*) from products p cross join unnest(p.tags) as t(tag)
                where p.tenant_id = ? and p.deleted_at is null and t.tag like ? group by t.tag order by t.tag""",
                (rs, i) -> new ProductFacets.TagCount(rs.getString(1), rs.getLong(2)), tenantId,
                SqlLike.startsWith(lowerPrefix));
    }
}
