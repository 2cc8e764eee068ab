package app.comptoir.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A credit note without a return: chosen quantities and amounts per rate, never more than remains to credit. */
class CreditNotesTest {

    private final InvoiceContent invoice = FacturXTest.invoice("EUR");

    @Test
    void aPriceErrorIsCreditedAsAnAmountAtTheRateAndAQuantityAtTheInvoicesPrice() {
        CreditNotes.Manual manual = CreditNotes.manual(invoice, List.of(),
                List.of(new CreditNotes.CreditedLine(1, 1), new CreditNotes.CreditedLine(2, 0)),
                List.of(new CreditNotes.CreditedAmount(new BigDecimal("5.5"), new BigDecimal("1.00"))), "Remise accordée");
        assertThat(manual.violations()).isEmpty();
        assertThat(manual.lines()).extracting(InvoiceContent.Line::label, InvoiceContent.Line::net)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Rosier grimpant", new BigDecimal("11.25")),
                        org.assertj.core.groups.Tuple.tuple("Remise accordée", new BigDecimal("1.00")));
        Totals totals = CreditNotes.totals(manual.lines(), "EUR");
        assertThat(totals.gross()).isEqualByComparingTo("14.56"); // 11.25 + 2.25 VAT, 1.00 + 0.06 VAT
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        CreditNotes.Manual manual = CreditNotes.manual(invoice, List.of(),
                List.of(new CreditNotes.CreditedLine(1, 4), new CreditNotes.CreditedLine(9, 1)),
                List.of(new CreditNotes.CreditedAmount(new BigDecimal("7"), new BigDecimal("1")),
                        new CreditNotes.CreditedAmount(new BigDecimal("20"), new BigDecimal("1.001"))), "x");
        assertThat(manual.violations()).extracting(CreditNotes.Violation::field)
                .containsExactly("lines[0].quantity", "lines[1].line", "amounts[0].vatRate", "amounts[1].net");
        assertThat(manual.lines()).isEmpty();
    }

    @Test
    void nothingToCreditIsRefused() {
        assertThat(CreditNotes.manual(invoice, List.of(), List.of(new CreditNotes.CreditedLine(1, 0)), List.of(), "x")
                .violations()).extracting(CreditNotes.Violation::message).containsExactly("nothing to credit");
    }

    @Test
    void theEarlierCreditNotesCountAgainstWhatRemainsAtEachRate() {
        // 20 %: 33.75 + 9.90 billed = 43.65; a first credit note took 40.00.
        InvoiceContent.Line earlier = new InvoiceContent.Line(null, "Remise", 1, new BigDecimal("40.00"),
                BigDecimal.ZERO, new BigDecimal("20"), new BigDecimal("40.00"));
        InvoiceContent first = new InvoiceContent(InvoiceContent.DocumentKind.CREDIT_NOTE, "AVO-2026-000001",
                invoice.issuedOn(), null, invoice.orderId(), invoice.orderNumber(), "EUR", "fr", invoice.seller(),
                invoice.buyer(), List.of(earlier), CreditNotes.totals(List.of(earlier), "EUR"), null, null, null, null,
                null, invoice.number(), invoice.issuedOn(), "Geste");
        CreditNotes.Manual tooMuch = CreditNotes.manual(invoice, List.of(first), List.of(),
                List.of(new CreditNotes.CreditedAmount(new BigDecimal("20.00"), new BigDecimal("3.66"))), "x");
        assertThat(tooMuch.violations()).extracting(CreditNotes.Violation::field, CreditNotes.Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amounts[0].net",
                        "is more than what remains to credit at this rate"));
        assertThat(tooMuch.detail()).isEqualTo("at 20 % at most 3.65 EUR excluding VAT remains to credit");
        assertThat(CreditNotes.manual(invoice, List.of(first), List.of(),
                List.of(new CreditNotes.CreditedAmount(new BigDecimal("20"), new BigDecimal("3.65"))), "x")
                .violations()).isEmpty();
    }
}
