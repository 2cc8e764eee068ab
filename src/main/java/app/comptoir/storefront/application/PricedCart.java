package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cart as the shop shows it: each line with its product, options, unit price and amount in the business's price
 * mode, its availability (and why it cannot be ordered as it is), then the goods' subtotal, the delivery fee, the
 * totals and what is missing for free delivery. {@code orderable}: every line can be ordered as it is.
 */
public record PricedCart(List<Line> lines, int itemCount, BigDecimal subtotal, BigDecimal deliveryFee,
                         BigDecimal net, BigDecimal vat, BigDecimal total, String currency, boolean pricesIncludeVat,
                         BigDecimal missingForFreeDelivery, boolean orderable) {

    /** What a line's stock allows: {@code OK}, {@code SHORT} (fewer left than asked), {@code OUT_OF_STOCK}, {@code NOT_SOLD}. */
    public enum Availability { OK, SHORT, OUT_OF_STOCK, NOT_SOLD }

    /** A line of the cart. */
    public record Line(UUID variantId, UUID productId, String name, String sku, Map<String, String> options,
                       int quantity, BigDecimal unitPrice, BigDecimal amount, int available, Availability availability,
                       UUID imageId) {
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
