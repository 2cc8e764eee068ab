package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * An active variant as the shop shows it: its SKU, option values, price (and struck-through price), and whether it
 * can be bought now; {@code left} is the quantity still available when there are only a few left ({@link
 * Availability#LOW_STOCK}), else null (the shop does not tell its stock).
 */
public record ShopVariant(UUID id, String sku, String barcode, Map<String, String> options, BigDecimal price,
                          BigDecimal compareAtPrice, Availability availability, Integer left) {

    /** The option values joined, e.g. {@code Pot 4 L / Rouge}; the SKU for a product without options. */
    public String label() {
        return options.isEmpty() ? sku : String.join(" / ", options.values());
    }
}
