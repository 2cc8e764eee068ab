package app.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a product card of a list shows, read without the product's variants and pictures: the first picture, the
 * lowest price of the active variants (and the struck-through price of that variant), whether their prices differ,
 * how many active variants there are and the most available of any of them (null when no module keeps stock).
 */
public record ProductCard(UUID id, String name, String slug, String brand, UUID categoryId, List<String> tags,
                          ProductStatus status, ProductImageView picture, BigDecimal priceFrom,
                          BigDecimal compareAtPrice, boolean priceVaries, int variantCount, Integer mostAvailable,
                          Instant updatedAt) {

    /** A page of cards: the API's page shape plus the facet counts (null when not asked). */
    public record Page(List<ProductCard> items, long total, int page, int size, ProductFacets facets) {
    }
}
