package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What a variant should be: the input of create, update, generation and import. {@code id} names an
 * existing variant of the product (null for a new one); {@code active} null means true.
 */
public record VariantSpec(UUID id, String sku, String barcode, Map<String, String> options, BigDecimal price,
                          BigDecimal compareAtPrice, BigDecimal cost, BigDecimal weight, Boolean active) {

    public VariantSpec withId(UUID newId) {
        return new VariantSpec(newId, sku, barcode, options, price, compareAtPrice, cost, weight, active);
    }

    public VariantSpec withSku(String newSku) {
        return new VariantSpec(id, newSku, barcode, options, price, compareAtPrice, cost, weight, active);
    }

    public VariantSpec withBarcode(String newBarcode) {
        return new VariantSpec(id, sku, newBarcode, options, price, compareAtPrice, cost, weight, active);
    }

    public VariantSpec withPrice(BigDecimal newPrice) {
        return new VariantSpec(id, sku, barcode, options, newPrice, compareAtPrice, cost, weight, active);
    }

    public VariantSpec withOptions(Map<String, String> newOptions) {
        return new VariantSpec(id, sku, barcode, newOptions, price, compareAtPrice, cost, weight, active);
    }
}
