package app.comptoir.sales.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/**
 * Filters of the order list, all optional: statuses (any of), customer, driver, creation time range
 * ({@code from} inclusive, {@code to} exclusive) and {@code q} (number, customer name or phone).
 */
public record OrderFilter(List<OrderStatus> statuses, UUID customerId, UUID driverId, Instant from, Instant to,
                          String q) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null);
    }
}
