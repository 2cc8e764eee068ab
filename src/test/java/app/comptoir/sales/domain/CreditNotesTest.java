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

    private InvoiceContent manualCredit(String net) {
        InvoiceContent.Line line = new InvoiceContent.Line(null, "Remise", 1, new BigDecimal(net), BigDecimal.ZERO,
                new BigDecimal("20"), new BigDecimal(net));
        return new InvoiceContent(InvoiceContent.DocumentKind.CREDIT_NOTE, "AVO-2026-000001", invoice.issuedOn(), null,
                invoice.orderId(), invoice.orderNumber(), "EUR", "fr", invoice.seller(), invoice.buyer(), List.of(line),
                CreditNotes.totals(List.of(line), "EUR"), null, null, null, null, null, invoice.number(),
                invoice.issuedOn(), "Geste");
    }

    @Test
    void aReturnWithoutEarlierCreditNotesCreditsTheReturnedGoodsInFull() {
        List<InvoiceContent.Line> returned = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 1)));
        assertThat(CreditNotes.withinRemaining(invoice, List.of(), returned)).isEqualTo(returned);
    }

    @Test
    void aReturnAfterAManualCreditNoteCreditsOnlyWhatRemainsAtTheRate() {
        // 20 %: 43.65 billed, 40.00 already credited: the returned rose (11.25) is credited 3.65 only.
        List<InvoiceContent.Line> returned = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 1)));
        List<InvoiceContent.Line> kept = CreditNotes.withinRemaining(invoice, List.of(manualCredit("40.00")), returned);
        assertThat(kept).singleElement().satisfies(line -> {
            assertThat(line.label()).isEqualTo("Rosier grimpant");
            assertThat(line.sku()).isNull();
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.net()).isEqualByComparingTo("3.65");
            assertThat(line.unitPrice()).isEqualByComparingTo("3.65");
        });
    }

    @Test
    void aReturnOfGoodsAlreadyCreditedInFullCreditsNothing() {
        List<InvoiceContent.Line> returned = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 3)));
        assertThat(CreditNotes.withinRemaining(invoice, List.of(manualCredit("43.65")), returned)).isEmpty();
    }

    @Test
    void aReturnOfGoodsPartlyCreditedByLineCreditsOnlyTheUncreditedUnits() {
        // One rose of three was credited by a manual credit note; the three come back: two are credited.
        List<InvoiceContent.Line> oneRose = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 1)));
        InvoiceContent manual = new InvoiceContent(InvoiceContent.DocumentKind.CREDIT_NOTE, "AVO-2026-000001",
                invoice.issuedOn(), null, invoice.orderId(), invoice.orderNumber(), "EUR", "fr", invoice.seller(),
                invoice.buyer(), oneRose, CreditNotes.totals(oneRose, "EUR"), null, null, null, null, null,
                invoice.number(), invoice.issuedOn(), "Geste");
        List<InvoiceContent.Line> kept = CreditNotes.withinRemaining(invoice, List.of(manual),
                CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 3))));
        assertThat(kept).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("ROS-01");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.net()).isEqualByComparingTo("22.50");
        });
    }

    @Test
    void aRetriedManualCreditNoteHasTheSameLinesWhateverTheScaleOfItsAmounts() {
        InvoiceContent.Line a = new InvoiceContent.Line(null, "Remise", 1, new BigDecimal("2.0"), BigDecimal.ZERO,
                new BigDecimal("20"), new BigDecimal("2.0"));
        InvoiceContent.Line b = new InvoiceContent.Line(null, "Remise", 1, new BigDecimal("2.00"), null,
                new BigDecimal("20.00"), new BigDecimal("2.00"));
        InvoiceContent.Line c = new InvoiceContent.Line(null, "Remise", 1, new BigDecimal("2.01"), null,
                new BigDecimal("20"), new BigDecimal("2.01"));
        assertThat(CreditNotes.sameLines(List.of(a), List.of(b))).isTrue();
        assertThat(CreditNotes.sameLines(List.of(a), List.of(c))).isFalse();
        assertThat(CreditNotes.sameLines(List.of(a), List.of())).isFalse();
    }
}
