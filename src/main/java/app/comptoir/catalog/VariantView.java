package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * One sellable variant of a product: its SKU, barcode, option values and prices (tenant currency), and
 * the stock available now over all locations (null when stock is not kept).
 */
public record VariantView(UUID id, String sku, String barcode, Map<String, String> options, BigDecimal price,
                          BigDecimal compareAtPrice, BigDecimal cost, BigDecimal weight, boolean active,
                          Integer available) {
}
