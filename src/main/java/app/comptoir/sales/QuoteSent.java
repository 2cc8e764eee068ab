package app.comptoir.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A quote was sent to its customer and binds the business until {@code validUntil}. */
public record QuoteSent(UUID tenantId, UUID quoteId, String number, UUID customerId, LocalDate validUntil, Instant at) {
}
