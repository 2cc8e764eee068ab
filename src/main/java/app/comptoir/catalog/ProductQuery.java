package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product search: text (full-text and typo-tolerant), filters, sort, page, and whether facet counts
 * are wanted. Sort is one of {@code relevance} (default with a text), {@code name} (default without),
 * {@code -name}, {@code price}, {@code -price}, {@code newest}, {@code oldest}.
 *
 * <p>{@code inStock}: stock is not tracked until the inventory module lands, so every active
 * variant counts as in stock: {@code true} keeps products with an active variant, {@code false} those without.
 */
public record ProductQuery(String q, UUID categoryId, String tag, ProductStatus status, BigDecimal priceMin,
                           BigDecimal priceMax, Boolean inStock, String sort, int page, int size, boolean facets) {

    /** Every product, first page, sorted by name, without facets. */
    public static ProductQuery all(int page, int size) {
        return new ProductQuery(null, null, null, null, null, null, null, null, page, size, false);
    }
}
