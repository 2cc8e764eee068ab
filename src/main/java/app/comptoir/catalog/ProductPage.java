package app.comptoir.catalog;

import java.util.List;

/** A page of products: the API's page shape ({@code items, total, page, size}) plus facet counts (null when not asked). */
public record ProductPage(List<ProductView> items, long total, int page, int size, ProductFacets facets) {
}
