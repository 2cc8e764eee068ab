package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued invoice ({@code kind} FAC) or credit note (AVO) in a list: its number, date and amounts, the order it
 * bills and, for a credit note, the invoice it corrects.
 */
public record InvoiceSummary(UUID id, String kind, String number, LocalDate issuedOn, UUID orderId, String orderNumber,
                             UUID invoiceId, String currency, BigDecimal net, BigDecimal vat, BigDecimal gross) {
}
