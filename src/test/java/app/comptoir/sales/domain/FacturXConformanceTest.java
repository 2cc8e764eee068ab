package app.comptoir.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

import app.comptoir.platform.PdfRenderer;

/**
 * The PDF/A-3 + Factur-X documents pass Mustang's validator: veraPDF for PDF/A-3, the Factur-X XSD, and the EN 16931
 * and Factur-X Schematron rules (the business rules BR-*, e.g. a seller VAT id, a payment means, VAT categories).
 */
public class FacturXConformanceTest {

    private static final Pattern WARNING = Pattern.compile("<warning[^>]*>(.*?)</warning>", Pattern.DOTALL);

    /**
     * The document passes Mustang's validator: PDF/A-3 (veraPDF), and the XML without any error nor warning (the
     * notices are German XRechnung and PEPPOL rules that do not apply to French invoices).
     */
    public static void assertConforms(byte[] pdf, String name) {
        assertConforms(pdf, name, false);
    }

    /**
     * As {@link #assertConforms(byte[], String)}; a business outside France may get the warnings of the French
     * e-invoicing rules (BR-FR-*, e.g. an accounting currency in euros), which do not apply to it.
     */
    public static void assertConforms(byte[] pdf, String name, boolean outsideFrance) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, name);
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(report).as(report).contains("isCompliant=true", "<summary status=\"valid\"/>")
                .doesNotContain("<error", "status=\"invalid\"");
        List<String> warnings = WARNING.matcher(report).results().map(m -> m.group(1))
                .filter(w -> !(outsideFrance && w.startsWith("BR-FR-"))).toList();
        assertThat(warnings).as(report).isEmpty();
    }

    static byte[] render(InvoiceContent content) {
        String html = "<html><head><style>body { font-family: 'DejaVu Sans'; }</style></head><body><p>"
                + content.number() + " " + content.totals().gross() + "</p></body></html>";
        return new PdfRenderer().renderFacturX(html, content.number(), new PdfRenderer.FacturXAttachment(
                FacturX.FILE_NAME, FacturX.of(content).getBytes(StandardCharsets.UTF_8), "INVOICE", "EN 16931"),
                Instant.parse("2026-12-05T10:00:00Z"));
    }

    @Test
    void anInvoiceWithSeveralRatesADiscountAndADeliveryFeeConforms() {
        InvoiceContent invoice = FacturXTest.invoice("EUR");
        assertConforms(render(invoice), invoice.number() + ".pdf");
    }

    @Test
    void aCreditNoteConforms() {
        InvoiceContent invoice = FacturXTest.invoice("EUR");
        List<InvoiceContent.Line> lines = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 1)));
        InvoiceContent credit = new InvoiceContent(InvoiceContent.DocumentKind.CREDIT_NOTE, "AVO-2026-000001",
                invoice.issuedOn().plusDays(1), null, invoice.orderId(), invoice.orderNumber(), "EUR", "fr",
                invoice.seller(), invoice.buyer(), lines, CreditNotes.totals(lines, "EUR"), null, invoice.legalMentions(),
                invoice.iban(), invoice.bic(), invoice.bankName(), invoice.number(), invoice.issuedOn(), "Abîmé");
        assertConforms(render(credit), credit.number() + ".pdf");
    }

    @Test
    void anInvoiceOfADakarShopInCfaFrancsConforms() {
        InvoiceContent.Party seller = new InvoiceContent.Party("Boutique Test", null, "12 avenue Cheikh Anta Diop",
                null, "10700", "Dakar", "SN", null, null, null, "005123456 2G3", "SN-DKR-2019-A-12345", null, null);
        InvoiceContent.Party buyer = new InvoiceContent.Party("Awa Ndiaye", null, "3 rue 10", null, null, "Dakar", "SN",
                null, null, null, null, null, "+221770000000", null);
        List<InvoiceContent.Line> lines = List.of(
                new InvoiceContent.Line("RIZ-25", "Riz brisé 25 kg", 2, new BigDecimal("15000"), new BigDecimal("10"),
                        new BigDecimal("18"), new BigDecimal("27000")),
                new InvoiceContent.Line(null, "Livraison", 1, new BigDecimal("1500"), BigDecimal.ZERO,
                        new BigDecimal("18"), new BigDecimal("1500")));
        InvoiceContent invoice = new InvoiceContent(InvoiceContent.DocumentKind.INVOICE, "FAC-2026-000001",
                LocalDate.of(2026, 12, 5), null, UUID.randomUUID(), "CMD-2026-000042", "XOF", "fr", seller, buyer,
                lines, CreditNotes.totals(lines, "XOF"), null, null, null, null, null, null, null, null);
        assertConforms(render(invoice), invoice.number() + ".pdf", true);
    }
}
