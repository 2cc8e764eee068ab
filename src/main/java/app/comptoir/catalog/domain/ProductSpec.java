package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;

/** What a product should be, with all its variants: the input of create, update and import. */
public record ProductSpec(String name, String slug, String description, String brand, UUID categoryId,
                          List<String> tags, ProductStatus status, BigDecimal vatRate, String unit,
                          List<ProductOption> options, List<VariantSpec> variants, SecondHand secondHand) {

    public ProductSpec {
        secondHand = secondHand == null ? SecondHand.NONE : secondHand;
    }


    public ProductSpec withVariants(List<VariantSpec> newVariants) {
        return new ProductSpec(name, slug, description, brand, categoryId, tags, status, vatRate, unit, options,
                newVariants, secondHand);
    }

    public ProductSpec withSlug(String newSlug) {
        return new ProductSpec(name, newSlug, description, brand, categoryId, tags, status, vatRate, unit, options,
                variants, secondHand);
    }

    public ProductSpec withName(String newName) {
        return new ProductSpec(newName, slug, description, brand, categoryId, tags, status, vatRate, unit, options,
                variants, secondHand);
    }

    public ProductSpec withStatus(ProductStatus newStatus) {
        return new ProductSpec(name, slug, description, brand, categoryId, tags, newStatus, vatRate, unit, options,
                variants, secondHand);
    }

    public ProductSpec withDescription(String newDescription) {
        return new ProductSpec(name, slug, newDescription, brand, categoryId, tags, status, vatRate, unit, options,
                variants, secondHand);
    }

    public ProductSpec withSecondHand(SecondHand newSecondHand) {
        return new ProductSpec(name, slug, description, brand, categoryId, tags, status, vatRate, unit, options,
                variants, newSecondHand);
    }
}
