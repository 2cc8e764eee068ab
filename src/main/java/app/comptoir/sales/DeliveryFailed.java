package app.comptoir.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery failed (customer absent, refused, wrong address...): the order came back to the shop, in
 * {@code PREPARING}, with its goods still set aside for it; no stock moved.
 */
public record DeliveryFailed(UUID tenantId, UUID orderId, String number, UUID driverId, String reason, String note,
                             Instant at) {
}
