package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A receipt of goods against an order, into a location, with what it took in line by line. */
public record ReceiptView(UUID id, UUID orderId, UUID locationId, Instant receivedAt, UUID receivedBy, String note,
                          List<Line> lines) {

    /** One line received: the order's line, its variant, the quantity, the unit cost and the stock movement. */
    public record Line(UUID lineId, UUID variantId, int quantity, BigDecimal unitCost, UUID movementId) {
    }
}
