package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.domain.OrderPayment;

/**
 * An order in a list: no lines, just how many, the totals, what its returns credited ({@code refunded}) and where
 * its payment stands ({@code payment}: state, due, paid, refunded, to collect).
 */
public record OrderSummary(UUID id, String number, OrderStatus status, UUID customerId, String customerName,
                           String customerPhone, String city, UUID driverId, String driverName, int lineCount,
                           BigDecimal net, BigDecimal vat, BigDecimal gross, String currency, Instant createdAt,
                           Instant updatedAt, BigDecimal refunded, OrderPayment payment, String source) {

    /** Whether the order was placed by the customer in the online shop. */
    public boolean online() {
        return "ONLINE_SHOP".equals(source);
    }

    /** The same order with its payment. */
    public OrderSummary withPayment(OrderPayment payment) {
        return new OrderSummary(id, number, status, customerId, customerName, customerPhone, city, driverId,
                driverName, lineCount, net, vat, gross, currency, createdAt, updatedAt, refunded, payment, source);
    }
}
