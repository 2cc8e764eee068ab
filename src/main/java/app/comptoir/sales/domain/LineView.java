package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a quote or an order, as sold: SKU, label, unit price (including VAT or not, as its quote or
 * order says), discount percentage and VAT rate are copied at the time, so later catalog changes do not
 * rewrite it. {@code net} is its amount excluding VAT: {@code quantity × unitPrice × (1 − discount/100)}
 * rounded to the currency, less its VAT when the unit price includes it (see {@link Pricing}).
 * {@code returnedQuantity} is always 0 on quotes.
 */
public record LineView(UUID id, UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal vatRate, BigDecimal net, int returnedQuantity) {

    /**
     * The line's amount as its document shows it: {@code quantity × unitPrice × (1 − discount/100)}, which is
     * its gross when the prices include VAT and its net otherwise.
     */
    public BigDecimal amount(boolean pricesIncludeVat, String currency) {
        return pricesIncludeVat ? Pricing.lineAmount(quantity, unitPrice, discount, currency) : net;
    }
}
