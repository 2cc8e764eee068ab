package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line to sell: a variant and a quantity ≥ 1; {@code unitPrice} (excluding VAT) defaults to the
 * catalog's price; {@code discount} is a percentage from 0 to 100 (default 0).
 */
public record LineRequest(UUID variantId, Integer quantity, BigDecimal unitPrice, BigDecimal discount) {
}
