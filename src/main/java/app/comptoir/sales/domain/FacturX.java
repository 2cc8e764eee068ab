package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import app.comptoir.platform.Money;

/**
 * The Factur-X (EN 16931 profile) XML of an invoice or a credit note: UN/CEFACT Cross Industry Invoice D16B,
 * the structured twin of the PDF that French e-invoicing platforms read. Built from the frozen content, so it
 * always says what the printed document says. Element order follows the Factur-X EN16931 XSD.
 */
public final class FacturX {

    /** The name the XML has inside the PDF (Factur-X requires it). */
    public static final String FILE_NAME = "factur-x.xml";
    /** The guideline of the EN 16931 ("comfort") profile. */
    public static final String EN16931 = "urn:cen.eu:en16931:2017";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String LATE_PAYMENT = "En cas de retard de paiement, des pénalités au taux de trois fois le"
            + " taux d'intérêt légal sont exigibles (art. L441-10 du Code de commerce).";
    private static final String RECOVERY_INDEMNITY = "Indemnité forfaitaire pour frais de recouvrement due par le client"
            + " professionnel en cas de retard de paiement : 40 € (art. D441-5 du Code de commerce).";
    private static final String NO_EARLY_PAYMENT_DISCOUNT = "Pas d'escompte pour paiement anticipé.";

    private final StringBuilder xml = new StringBuilder(8192);
    private final String currency;

    private FacturX(String currency) {
        this.currency = currency;
    }

    /** The XML of the document. */
    public static String of(InvoiceContent c) {
        return new FacturX(c.currency()).build(c);
    }

    private String build(InvoiceContent c) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rsm:CrossIndustryInvoice")
                .append(" xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"")
                .append(" xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"")
                .append(" xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\"")
                .append(" xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n");
        open("rsm:ExchangedDocumentContext");
        open("ram:GuidelineSpecifiedDocumentContextParameter");
        text("ram:ID", EN16931);
        close("ram:GuidelineSpecifiedDocumentContextParameter");
        close("rsm:ExchangedDocumentContext");

        open("rsm:ExchangedDocument");
        text("ram:ID", c.number());
        text("ram:TypeCode", c.kind().typeCode());
        date("ram:IssueDateTime", "udt:DateTimeString", c.issuedOn());
        notes(c);
        close("rsm:ExchangedDocument");

        open("rsm:SupplyChainTradeTransaction");
        int n = 0;
        for (InvoiceContent.Line line : c.lines()) {
            line(++n, line);
        }
        open("ram:ApplicableHeaderTradeAgreement");
        text("ram:BuyerReference", c.orderNumber());
        party("ram:SellerTradeParty", c.seller(), true);
        party("ram:BuyerTradeParty", c.buyer(), false);
        open("ram:SellerOrderReferencedDocument");
        text("ram:IssuerAssignedID", c.orderNumber());
        close("ram:SellerOrderReferencedDocument");
        close("ram:ApplicableHeaderTradeAgreement");

        // The date of supply (BT-72) French invoices must state: an order is invoiced when it is delivered.
        open("ram:ApplicableHeaderTradeDelivery");
        open("ram:ActualDeliverySupplyChainEvent");
        date("ram:OccurrenceDateTime", "udt:DateTimeString", c.invoiceDate() != null ? c.invoiceDate() : c.issuedOn());
        close("ram:ActualDeliverySupplyChainEvent");
        close("ram:ApplicableHeaderTradeDelivery");

        open("ram:ApplicableHeaderTradeSettlement");
        text("ram:InvoiceCurrencyCode", currency);
        if (c.iban() != null) {
            open("ram:SpecifiedTradeSettlementPaymentMeans");
            text("ram:TypeCode", "58");
            open("ram:PayeePartyCreditorFinancialAccount");
            text("ram:IBANID", c.iban());
            close("ram:PayeePartyCreditorFinancialAccount");
            if (c.bic() != null) {
                open("ram:PayeeSpecifiedCreditorFinancialInstitution");
                text("ram:BICID", c.bic());
                close("ram:PayeeSpecifiedCreditorFinancialInstitution");
            }
            close("ram:SpecifiedTradeSettlementPaymentMeans");
        }
        for (Totals.VatLine vat : c.totals().byRate()) {
            open("ram:ApplicableTradeTax");
            amount("ram:CalculatedAmount", vat.vat(), false);
            text("ram:TypeCode", "VAT");
            amount("ram:BasisAmount", vat.net(), false);
            text("ram:CategoryCode", category(vat.rate()));
            text("ram:RateApplicablePercent", percent(vat.rate()));
            close("ram:ApplicableTradeTax");
        }
        if (c.paymentTerms() != null || c.dueOn() != null) {
            open("ram:SpecifiedTradePaymentTerms");
            text("ram:Description", c.paymentTerms());
            if (c.dueOn() != null) {
                date("ram:DueDateDateTime", "udt:DateTimeString", c.dueOn());
            }
            close("ram:SpecifiedTradePaymentTerms");
        }
        open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
        BigDecimal lineTotal = c.lines().stream().map(InvoiceContent.Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        amount("ram:LineTotalAmount", lineTotal, false);
        amount("ram:TaxBasisTotalAmount", c.totals().net(), false);
        amount("ram:TaxTotalAmount", c.totals().vat(), true);
        amount("ram:GrandTotalAmount", c.totals().gross(), false);
        amount("ram:DuePayableAmount", c.totals().gross(), false);
        close("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
        if (c.invoiceNumber() != null) {
            open("ram:InvoiceReferencedDocument");
            text("ram:IssuerAssignedID", c.invoiceNumber());
            if (c.invoiceDate() != null) {
                date("ram:FormattedIssueDateTime", "qdt:DateTimeString", c.invoiceDate());
            }
            close("ram:InvoiceReferencedDocument");
        }
        close("ram:ApplicableHeaderTradeSettlement");
        close("rsm:SupplyChainTradeTransaction");
        xml.append("</rsm:CrossIndustryInvoice>\n");
        return xml.toString();
    }

    private void line(int n, InvoiceContent.Line line) {
        open("ram:IncludedSupplyChainTradeLineItem");
        open("ram:AssociatedDocumentLineDocument");
        text("ram:LineID", String.valueOf(n));
        close("ram:AssociatedDocumentLineDocument");
        open("ram:SpecifiedTradeProduct");
        text("ram:SellerAssignedID", line.sku());
        text("ram:Name", line.label());
        close("ram:SpecifiedTradeProduct");
        open("ram:SpecifiedLineTradeAgreement");
        BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : line.discount();
        BigDecimal netPrice = line.unitPrice();
        if (discount.signum() != 0) {
            BigDecimal allowance = line.unitPrice().multiply(discount).movePointLeft(2).setScale(4, RoundingMode.HALF_UP);
            netPrice = line.unitPrice().subtract(allowance);
            open("ram:GrossPriceProductTradePrice");
            text("ram:ChargeAmount", price(line.unitPrice()));
            open("ram:AppliedTradeAllowanceCharge");
            open("ram:ChargeIndicator");
            text("udt:Indicator", "false");
            close("ram:ChargeIndicator");
            text("ram:ActualAmount", price(allowance));
            close("ram:AppliedTradeAllowanceCharge");
            close("ram:GrossPriceProductTradePrice");
        }
        open("ram:NetPriceProductTradePrice");
        text("ram:ChargeAmount", price(netPrice));
        close("ram:NetPriceProductTradePrice");
        close("ram:SpecifiedLineTradeAgreement");
        open("ram:SpecifiedLineTradeDelivery");
        xml.append("<ram:BilledQuantity unitCode=\"C62\">").append(line.quantity()).append("</ram:BilledQuantity>\n");
        close("ram:SpecifiedLineTradeDelivery");
        open("ram:SpecifiedLineTradeSettlement");
        open("ram:ApplicableTradeTax");
        text("ram:TypeCode", "VAT");
        text("ram:CategoryCode", category(line.vatRate()));
        text("ram:RateApplicablePercent", percent(line.vatRate()));
        close("ram:ApplicableTradeTax");
        open("ram:SpecifiedTradeSettlementLineMonetarySummation");
        amount("ram:LineTotalAmount", line.net(), false);
        close("ram:SpecifiedTradeSettlementLineMonetarySummation");
        close("ram:SpecifiedLineTradeSettlement");
        close("ram:IncludedSupplyChainTradeLineItem");
    }

    private void party(String element, InvoiceContent.Party p, boolean seller) {
        open(element);
        text("ram:Name", p.name());
        String siren = p.siren() != null ? p.siren() : p.siret() != null ? p.siret().substring(0, 9) : null;
        if (siren != null) {
            open("ram:SpecifiedLegalOrganization");
            xml.append("<ram:ID schemeID=\"0002\">").append(escape(siren)).append("</ram:ID>\n");
            close("ram:SpecifiedLegalOrganization");
        } else if (seller && p.ninea() != null) {
            open("ram:SpecifiedLegalOrganization");
            text("ram:ID", p.ninea());
            close("ram:SpecifiedLegalOrganization");
        }
        if (p.email() != null || p.phone() != null) {
            open("ram:DefinedTradeContact");
            if (p.phone() != null) {
                open("ram:TelephoneUniversalCommunication");
                text("ram:CompleteNumber", p.phone());
                close("ram:TelephoneUniversalCommunication");
            }
            if (p.email() != null) {
                open("ram:EmailURIUniversalCommunication");
                text("ram:URIID", p.email());
                close("ram:EmailURIUniversalCommunication");
            }
            close("ram:DefinedTradeContact");
        }
        open("ram:PostalTradeAddress");
        text("ram:PostcodeCode", p.postalCode());
        text("ram:LineOne", p.line1());
        text("ram:LineTwo", p.line2());
        text("ram:CityName", p.city());
        text("ram:CountryID", p.country() == null ? "FR" : p.country());
        close("ram:PostalTradeAddress");
        // The electronic address (BT-34 / BT-49) French platforms route on: the SIREN (scheme 0225) of a company,
        // else the e-mail address (scheme EM).
        if (siren != null || p.email() != null) {
            open("ram:URIUniversalCommunication");
            xml.append("<ram:URIID schemeID=\"").append(siren != null ? "0225" : "EM").append("\">")
                    .append(escape(siren != null ? siren : p.email())).append("</ram:URIID>\n");
            close("ram:URIUniversalCommunication");
        }
        if (p.vatNumber() != null) {
            open("ram:SpecifiedTaxRegistration");
            xml.append("<ram:ID schemeID=\"VA\">").append(escape(p.vatNumber())).append("</ram:ID>\n");
            close("ram:SpecifiedTaxRegistration");
        } else if (seller && p.ninea() != null) {
            // A Senegalese business's tax identifier (NINEA) is its tax registration (BT-32, scheme FC).
            open("ram:SpecifiedTaxRegistration");
            xml.append("<ram:ID schemeID=\"FC\">").append(escape(p.ninea())).append("</ram:ID>\n");
            close("ram:SpecifiedTaxRegistration");
        }
        close(element);
    }

    /**
     * The notes (BG-1). A French seller's invoice carries the three mentions French law requires, each under the
     * subject code the French e-invoicing rules (BR-FR-05) look for: late-payment penalties (PMD), the fixed recovery
     * indemnity (PMT) and the early-payment discount or its absence (AAB). Elsewhere the business's own mentions.
     */
    private void notes(InvoiceContent c) {
        String country = c.seller().country();
        boolean french = country == null ? "EUR".equals(currency) : "FR".equals(country);
        if (french) {
            note(c.legalMentions() != null ? c.legalMentions() : LATE_PAYMENT, "PMD");
            note(RECOVERY_INDEMNITY, "PMT");
            note(NO_EARLY_PAYMENT_DISCOUNT, "AAB");
        } else if (c.legalMentions() != null) {
            note(c.legalMentions(), "AAI");
        }
    }

    private void note(String content, String subject) {
        open("ram:IncludedNote");
        text("ram:Content", content);
        text("ram:SubjectCode", subject);
        close("ram:IncludedNote");
    }

    private static String category(BigDecimal rate) {
        return rate.signum() == 0 ? "Z" : "S";
    }

    private static String percent(BigDecimal rate) {
        return rate.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String price(BigDecimal price) {
        BigDecimal p = price.stripTrailingZeros();
        return (p.scale() < 2 ? p.setScale(2) : p.setScale(Math.min(p.scale(), 4), RoundingMode.HALF_UP)).toPlainString();
    }

    private void amount(String element, BigDecimal value, boolean withCurrency) {
        String v = value.setScale(Money.decimals(currency), RoundingMode.HALF_UP).toPlainString();
        xml.append('<').append(element);
        if (withCurrency) {
            xml.append(" currencyID=\"").append(currency).append('"');
        }
        xml.append('>').append(v).append("</").append(element).append(">\n");
    }

    private void date(String element, String inner, LocalDate date) {
        open(element);
        xml.append('<').append(inner).append(" format=\"102\">").append(DAY.format(date)).append("</").append(inner)
                .append(">\n");
        close(element);
    }

    private void open(String element) {
        xml.append('<').append(element).append(">\n");
    }

    private void close(String element) {
        xml.append("</").append(element).append(">\n");
    }

    private void text(String element, String value) {
        if (value != null && !value.isBlank()) {
            xml.append('<').append(element).append('>').append(escape(value)).append("</").append(element).append(">\n");
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
