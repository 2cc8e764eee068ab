package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/** An order in a list: no lines, just how many and the gross total. */
public record OrderSummary(UUID id, String number, OrderStatus status, UUID customerId, String customerName,
                           String customerPhone, String city, UUID driverId, String driverName, int lineCount,
                           BigDecimal net, BigDecimal vat, BigDecimal gross, String currency, Instant createdAt,
                           Instant updatedAt) {
}
