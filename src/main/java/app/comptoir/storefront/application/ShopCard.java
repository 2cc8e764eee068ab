package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.catalog.ProductCard;
import app.comptoir.catalog.ProductImageView;

/**
 * An active product as a list of the shop shows it (a category, a search, the home page): its first picture, the lowest
 * price of its active variants (and that variant's struck-through price), whether their prices differ, its availability
 * over all of them and how many there are. The same figures as its {@link ShopItem}, read without the variants.
 */
public record ShopCard(UUID id, String name, String slug, String brand, UUID categoryId, List<String> tags,
                       ProductImageView picture, BigDecimal priceFrom, BigDecimal compareAtPrice, boolean priceVaries,
                       Availability availability, int variantCount, Instant updatedAt) {

    /** The card of a product; a product without an active variant cannot be bought. */
    static ShopCard of(ProductCard p) {
        Availability availability = p.variantCount() == 0 ? Availability.OUT_OF_STOCK
                : Availability.of(p.mostAvailable());
        return new ShopCard(p.id(), p.name(), p.slug(), p.brand(), p.categoryId(), p.tags(), p.picture(),
                p.priceFrom(), p.compareAtPrice(), p.priceVaries(), availability, p.variantCount(), p.updatedAt());
    }
}
