package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A product search: text (full-text and typo-tolerant), filters, sort, page, and whether facet counts
 * are wanted. Sort is one of {@code relevance} (default with a text), {@code name} (default without),
 * {@code -name}, {@code price}, {@code -price}, {@code newest}, {@code oldest}.
 *
 * <p>{@code inStock}: {@code true} keeps products with an active variant that has stock available (at
 * some location), {@code false} those without any; a variant nobody has stocked yet is not in stock.
 *
 * <p>{@code options}: option values the product must offer, one per option name ({@code Couleur → Vert}), each by an
 * active variant (the values the facets count, as written there); empty: no such filter.
 */
public record ProductQuery(String q, UUID categoryId, String tag, ProductStatus status, BigDecimal priceMin,
                           BigDecimal priceMax, Boolean inStock, String sort, int page, int size, boolean facets,
                           Map<String, String> options) {

    public ProductQuery {
        options = options == null || options.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** A search without option filters. */
    public ProductQuery(String q, UUID categoryId, String tag, ProductStatus status, BigDecimal priceMin,
                        BigDecimal priceMax, Boolean inStock, String sort, int page, int size, boolean facets) {
        this(q, categoryId, tag, status, priceMin, priceMax, inStock, sort, page, size, facets, Map.of());
    }

    /** Every product, first page, sorted by name, without facets. */
    public static ProductQuery all(int page, int size) {
        return new ProductQuery(null, null, null, null, null, null, null, null, page, size, false);
    }
}
