package app.comptoir.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

/** The Factur-X XML of invoices and credit notes is valid against the Factur-X EN16931 schema. */
public class FacturXTest {

    /** Validates against the Factur-X EN16931 XSD shipped in the test resources (see factur-x/README.md). */
    public static void assertValidEn16931(String xml) throws Exception {
        URL xsd = FacturXTest.class.getResource("/factur-x/EN16931/FACTUR-X_EN16931.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(xsd);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static InvoiceContent invoice(String currency) {
        InvoiceContent.Party seller = new InvoiceContent.Party("Jardin des Lilas SARL", "SARL", "12 rue des Lilas", null,
                "69003", "Lyon", "FR", "812345676", "81234567600017", "FR19812345676", null, null, null, null);
        InvoiceContent.Party buyer = new InvoiceContent.Party("Pépinière & Fils <Sud>", null, "3 chemin du Moulin", null,
                "38000", "Grenoble", "FR", null, null, null, null, null, "0600000000", "achat@pepiniere.example");
        List<InvoiceContent.Line> lines = List.of(
                new InvoiceContent.Line("ROS-01", "Rosier grimpant", 3, new BigDecimal("12.50"), new BigDecimal("10"),
                        new BigDecimal("20"), new BigDecimal("33.75")),
                new InvoiceContent.Line("GRA-02", "Graines de radis", 2, new BigDecimal("2.10"), BigDecimal.ZERO,
                        new BigDecimal("5.5"), new BigDecimal("4.20")),
                new InvoiceContent.Line(null, "Livraison", 1, new BigDecimal("9.90"), BigDecimal.ZERO,
                        new BigDecimal("20"), new BigDecimal("9.90")));
        Totals totals = CreditNotes.totals(lines, currency);
        return new InvoiceContent(InvoiceContent.DocumentKind.INVOICE, "FAC-2026-000001", LocalDate.of(2026, 12, 5),
                LocalDate.of(2027, 1, 4), UUID.randomUUID(), "CMD-2026-000042", currency, "fr", seller, buyer, lines,
                totals, "Paiement à 30 jours", "Pénalités de retard : 3 × taux légal ; indemnité forfaitaire 40 €",
                "FR7630006000011234567890189", "AGRIFRPP", "Crédit Agricole", null, null, null);
    }

    @Test
    void anInvoiceIsValidAgainstTheEn16931Schema() throws Exception {
        String xml = FacturX.of(invoice("EUR"));
        assertValidEn16931(xml);
        assertThat(xml).contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>", "<ram:TypeCode>380</ram:TypeCode>",
                "<ram:ID schemeID=\"0002\">812345676</ram:ID>", "<ram:ID schemeID=\"VA\">FR19812345676</ram:ID>",
                "<ram:TaxBasisTotalAmount>47.85</ram:TaxBasisTotalAmount>",
                "<ram:TaxTotalAmount currencyID=\"EUR\">8.96</ram:TaxTotalAmount>",
                "<ram:GrandTotalAmount>56.81</ram:GrandTotalAmount>", "Pépinière &amp; Fils &lt;Sud&gt;");
    }

    @Test
    void aCreditNoteReferencesItsInvoice() throws Exception {
        InvoiceContent invoice = invoice("EUR");
        List<InvoiceContent.Line> lines = CreditNotes.lines(invoice, List.of(new CreditNotes.Returned("ROS-01", 1)));
        InvoiceContent credit = new InvoiceContent(InvoiceContent.DocumentKind.CREDIT_NOTE, "AVO-2026-000001",
                LocalDate.of(2026, 12, 6), null, invoice.orderId(), invoice.orderNumber(), "EUR", "fr", invoice.seller(),
                invoice.buyer(), lines, CreditNotes.totals(lines, "EUR"), null, null, null, null, null,
                invoice.number(), invoice.issuedOn(), "Abîmé");
        String xml = FacturX.of(credit);
        assertValidEn16931(xml);
        assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>", "<ram:IssuerAssignedID>FAC-2026-000001</ram:IssuerAssignedID>",
                "<ram:LineTotalAmount>11.25</ram:LineTotalAmount>", "<ram:GrandTotalAmount>13.50</ram:GrandTotalAmount>");
    }

    @Test
    void amountsInCfaFrancsHaveNoDecimals() throws Exception {
        String xml = FacturX.of(invoice("XOF"));
        assertValidEn16931(xml);
        assertThat(xml).contains("<ram:InvoiceCurrencyCode>XOF</ram:InvoiceCurrencyCode>")
                .doesNotContain(".00</ram:GrandTotalAmount>");
    }
}
