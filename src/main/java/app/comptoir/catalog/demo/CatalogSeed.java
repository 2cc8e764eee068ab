package app.comptoir.catalog.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;

/** A whole catalog to load at once: a category tree and products with their variants. */
public record CatalogSeed(List<CategorySeed> categories, List<ProductSeed> products) {

    /** A category; {@code path} names it and its parents ({@code Arrosage > Tuyaux d'arrosage}). */
    public record CategorySeed(String path, String name, String parentPath) {
    }

    /** A product, its category path, and how many days before now it was created. */
    public record ProductSeed(String categoryPath, String name, String slug, String description, String brand,
                              List<String> tags, ProductStatus status, BigDecimal vatRate, String unit,
                              List<ProductOption> options, List<VariantSeed> variants, int ageDays) {
    }

    /** A variant. */
    public record VariantSeed(String sku, String barcode, Map<String, String> options, BigDecimal price,
                              BigDecimal compareAtPrice, BigDecimal cost, BigDecimal weight, boolean active) {
    }

    public int variantCount() {
        return products.stream().mapToInt(p -> p.variants().size()).sum();
    }
}
