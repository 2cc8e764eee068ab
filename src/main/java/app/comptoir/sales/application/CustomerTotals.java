package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a customer brought the business: {@code spent}, the amount of their orders that became sales (gone out
 * for delivery, not cancelled) less refunds; {@code orders}, their orders that are not cancelled (drafts
 * included); {@code lastOrderAt}, when the newest of those was created (null: none yet).
 */
public record CustomerTotals(BigDecimal spent, long orders, Instant lastOrderAt) {
}
