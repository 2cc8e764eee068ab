package app.comptoir.sales;

import java.time.Instant;
import java.util.UUID;

/** An order reached its customer; from now on it only takes returns. */
public record OrderDelivered(UUID tenantId, UUID orderId, String number, UUID customerId, UUID driverId, Instant at) {
}
