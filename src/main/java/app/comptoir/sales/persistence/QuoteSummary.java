package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.comptoir.sales.domain.QuoteStatus;

/** A quote in a list. */
public record QuoteSummary(UUID id, String number, QuoteStatus status, UUID customerId, String customerName,
                           LocalDate validUntil, BigDecimal net, BigDecimal gross, String currency, UUID orderId,
                           Instant createdAt) {
}
