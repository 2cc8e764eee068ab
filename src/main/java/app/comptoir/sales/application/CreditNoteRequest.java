package app.comptoir.sales.application;

import java.util.List;

import app.comptoir.sales.domain.CreditNotes;

/**
 * A credit note without a return (a commercial gesture, a price error): a reason, and chosen quantities of the
 * invoice's lines and/or amounts excluding VAT per VAT rate of the invoice.
 */
public record CreditNoteRequest(String reason, List<CreditNotes.CreditedLine> lines,
                                List<CreditNotes.CreditedAmount> amounts) {
}
