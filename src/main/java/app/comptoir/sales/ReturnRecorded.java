package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Goods of a delivered order came back: the quantities restocked and the refund (in {@code currency}). */
public record ReturnRecorded(UUID tenantId, UUID orderId, String number, UUID returnId, List<OrderItem> items,
                             BigDecimal refund, String currency, String reason, Instant at) {
}
