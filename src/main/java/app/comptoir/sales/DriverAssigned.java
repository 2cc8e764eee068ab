package app.comptoir.sales;

import java.time.Instant;
import java.util.UUID;

/** An order was given to a driver (not published when a driver is taken off an order). */
public record DriverAssigned(UUID tenantId, UUID orderId, String number, UUID driverId, String driverName,
                             Instant at) {
}
