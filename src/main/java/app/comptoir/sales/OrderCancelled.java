package app.comptoir.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was cancelled from status {@code from}: reserved stock was released (CONFIRMED, PREPARING) or
 * the goods were restocked (OUT_FOR_DELIVERY); a cancelled draft had no stock effect.
 */
public record OrderCancelled(UUID tenantId, UUID orderId, String number, OrderStatus from, List<OrderItem> items,
                             String note, Instant at) {
}
