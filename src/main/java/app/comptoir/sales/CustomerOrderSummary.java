package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One of a customer's orders in their history: number, when, where it stands, how many lines and its total. */
public record CustomerOrderSummary(UUID id, String number, OrderStatus status, Instant createdAt, int lineCount,
                                   BigDecimal total, String currency) {
}
