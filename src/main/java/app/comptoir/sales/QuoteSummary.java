package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A quote in a list. */
public record QuoteSummary(UUID id, String number, QuoteStatus status, UUID customerId, String customerName,
                           LocalDate validUntil, BigDecimal net, BigDecimal gross, String currency, UUID orderId,
                           Instant createdAt) {
}
