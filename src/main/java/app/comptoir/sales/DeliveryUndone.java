package app.comptoir.sales;

import java.time.Instant;
import java.util.UUID;

/** A "delivered" tapped by mistake was taken back within its grace period: the order is out for delivery again. */
public record DeliveryUndone(UUID tenantId, UUID orderId, String number, UUID driverId, Instant at) {
}
