package app.comptoir.catalog;

import java.util.Map;
import java.util.UUID;

/**
 * A variant as a device keeping a copy of the catalog needs it (the shop floor): what identifies it on a shelf (SKU,
 * barcode, name with options, first picture) and whether it may still be used; {@code archived} covers a deleted or
 * inactive variant and a deleted or archived product, so that a copy drops it.
 */
public record VariantChange(UUID id, UUID productId, String productName, Map<String, String> options, String sku,
                            String barcode, String unit, UUID imageId, boolean archived) {

    /** The product name with the option values, e.g. {@code Pot Toscane – 30 cm / Anthracite}. */
    public String label() {
        return options.isEmpty() ? productName : productName + " – " + String.join(" / ", options.values());
    }
}
