package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a quote or an order, as sold: SKU, label, unit price excluding VAT, discount percentage and
 * VAT rate are copied at the time, so later catalog changes do not rewrite it. {@code net} is
 * {@code quantity × unitPrice × (1 − discount/100)} rounded to the currency. {@code returnedQuantity} is
 * always 0 on quotes.
 */
public record LineView(UUID id, UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal vatRate, BigDecimal net, int returnedQuantity) {
}
