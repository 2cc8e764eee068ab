package app.comptoir.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was confirmed: its stock is reserved (synchronously, in the same transaction) and it is now a
 * commitment to the customer.
 */
public record OrderConfirmed(UUID tenantId, UUID orderId, String number, UUID customerId, List<OrderItem> items,
                             Instant at) {
}
