package app.comptoir.sales.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/**
 * Filters of the order list, all optional: statuses (any of), customer, driver, creation time range
 * ({@code from} inclusive, {@code to} exclusive), {@code q} (number, customer name or phone) and
 * {@code source} ({@code BACK_OFFICE} or {@code ONLINE_SHOP}).
 */
public record OrderFilter(List<OrderStatus> statuses, UUID customerId, UUID driverId, Instant from, Instant to,
                          String q, String source) {

    /** The filters without a source (every order, from the office or the online shop). */
    public OrderFilter(List<OrderStatus> statuses, UUID customerId, UUID driverId, Instant from, Instant to, String q) {
        this(statuses, customerId, driverId, from, to, q, null);
    }

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null);
    }
}
