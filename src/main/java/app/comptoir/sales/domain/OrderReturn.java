package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Goods that came back after delivery: the lines and quantities, the refund recorded and why. */
public record OrderReturn(UUID id, Instant at, String reason, BigDecimal refund, List<Line> lines) {

    /** A quantity of one order line. */
    public record Line(UUID lineId, UUID variantId, String sku, int quantity) {
    }
}
