package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A quote to create or change (changes only while {@code DRAFT}; on change a null field is left as it is,
 * and non-null lines replace all lines): a known customer or a walk-in, the validity date (default: 30 days
 * from today), lines, delivery fee excluding VAT and notes.
 */
public record QuoteRequest(UUID customerId, WalkInCustomer customer, LocalDate validUntil, List<LineRequest> lines,
                           BigDecimal deliveryFee, String notes, Long version) {
}
