package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.QuoteStatus;
import app.comptoir.sales.domain.Totals;

/**
 * A quote (devis) with its lines and totals; {@code orderId}/{@code orderNumber} once converted;
 * {@code pricesIncludeVat}: its unit prices and delivery fee include VAT (TTC) or exclude it (HT).
 */
public record QuoteView(UUID id, String number, QuoteStatus status, CustomerRef customer, LocalDate validUntil,
                        List<LineView> lines, BigDecimal deliveryFee, Totals totals, String currency,
                        boolean pricesIncludeVat, String notes,
                        UUID orderId, String orderNumber, List<QuoteStatus> next, Instant createdAt,
                        Instant updatedAt, long version) {
}
