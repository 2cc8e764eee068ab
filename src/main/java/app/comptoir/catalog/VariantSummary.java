package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A variant with what another module needs of its product (name, status, VAT rate, unit) to sell or stock it. */
public record VariantSummary(UUID id, UUID productId, String productName, ProductStatus productStatus, String sku,
                             String barcode, Map<String, String> options, BigDecimal price, BigDecimal vatRate,
                             String unit, boolean active) {

    /** The product name with the option values, e.g. {@code Pot Toscane – 30 cm / Anthracite}. */
    public String label() {
        return options.isEmpty() ? productName : productName + " – " + String.join(" / ", options.values());
    }
}
