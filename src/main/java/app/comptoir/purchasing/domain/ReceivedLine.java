package app.comptoir.purchasing.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** What a receipt took in for one line: its variant, the quantity and the line's unit cost. */
public record ReceivedLine(UUID lineId, UUID variantId, int quantity, BigDecimal unitCost) {
}
