package app.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product as the API and other modules see it, with its live variants and images. {@code available}
 * is the stock available now over all its variants and locations (null when stock is not kept);
 * {@code pricesIncludeVat}: its variants' prices include VAT (TTC) or exclude it (HT), as the business enters
 * its prices; {@code secondHand}: the condition, size and material of a second-hand item (never null, its parts
 * null when not given).
 */
public record ProductView(UUID id, String name, String slug, String description, String brand, UUID categoryId,
                          List<String> tags, ProductStatus status, BigDecimal vatRate, String unit,
                          List<ProductOption> options, List<VariantView> variants, List<ProductImageView> images,
                          long version, Instant createdAt, Instant updatedAt,
                          Integer available, boolean pricesIncludeVat,
                          SecondHandAttributes secondHand) {

    public ProductView {
        secondHand = secondHand == null ? SecondHandAttributes.NONE : secondHand;
    }
}
