package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductOption;

/**
 * An active product as the shop shows it: only its active variants (never their cost), its pictures, the lowest
 * price among its variants (and the struck-through price when it is on offer), its availability over all variants.
 * Prices are as the business enters them, VAT included or not ({@link ShopBusiness#pricesIncludeVat()}).
 */
public record ShopItem(UUID id, String name, String slug, String description, String brand, UUID categoryId,
                       List<String> tags, List<ProductOption> options, List<ShopVariant> variants,
                       List<ProductImageView> images, BigDecimal priceFrom, BigDecimal compareAtPrice,
                       boolean priceVaries, Availability availability, BigDecimal vatRate, Instant updatedAt) {

    /** The first picture, if any. */
    public ProductImageView picture() {
        return images.isEmpty() ? null : images.getFirst();
    }

    /** The variant with this id, else the first one available, else the first one. */
    public ShopVariant variant(UUID id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst()
                .or(() -> variants.stream().filter(v -> v.availability() != Availability.OUT_OF_STOCK).findFirst())
                .orElse(variants.isEmpty() ? null : variants.getFirst());
    }
}
