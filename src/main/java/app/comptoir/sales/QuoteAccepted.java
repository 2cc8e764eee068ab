package app.comptoir.sales;

import java.time.Instant;
import java.util.UUID;

/** A quote was accepted; {@code orderId} is the draft order it was converted into, if it was. */
public record QuoteAccepted(UUID tenantId, UUID quoteId, String number, UUID customerId, UUID orderId, Instant at) {
}
