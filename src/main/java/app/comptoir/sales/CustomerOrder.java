package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One of a customer's orders as the customer sees it: its lines (as sold), delivery address and fee, totals, and
 * its timeline (each status reached from its confirmation on, with when; no staff names). {@code pricesIncludeVat}: its prices include VAT.
 */
public record CustomerOrder(UUID id, String number, OrderStatus status, Instant createdAt, List<Line> lines,
                            Address deliveryAddress, BigDecimal deliveryFee, BigDecimal net, BigDecimal vat,
                            BigDecimal total, String currency, boolean pricesIncludeVat, List<Step> timeline) {

    /** A line as sold: the variant (to order it again), SKU, label, quantity, unit price and amount. */
    public record Line(UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** The delivery address as copied on the order. */
    public record Address(String line1, String line2, String postalCode, String city, String country) {
    }

    /**
     * A step of the order's life: the status reached and when; {@code step} names a step off the plain workflow
     * ({@code DELIVERY_FAILED}, {@code DELIVERY_UNDONE}), null otherwise.
     */
    public record Step(OrderStatus status, Instant at, String step) {
    }
}
