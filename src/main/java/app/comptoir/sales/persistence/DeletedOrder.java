package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deleted draft order as the "deleted" tab lists it, for a restore. */
public record DeletedOrder(UUID id, String number, String customerName, BigDecimal gross, String currency,
                           Instant deletedAt) {
}
