package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order was created as a draft (typed in, imported through the API, or converted from a quote); it holds
 * no stock until it is confirmed. {@code customerId} is null for a walk-in customer.
 */
public record OrderCreated(UUID tenantId, UUID orderId, String number, UUID customerId, String customerName,
                           BigDecimal gross, String currency, Instant at) {
}
