package app.comptoir.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order left for delivery: its reserved stock became sold, and it counts as a sale from {@code at}. */
public record OrderSentOut(UUID tenantId, UUID orderId, String number, UUID driverId, List<OrderItem> items,
                           Instant at) {
}
