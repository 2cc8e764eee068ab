package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an invoice (FAC) or a credit note (AVO) says, frozen when it is issued: the seller as its legal identity
 * was then, the buyer, the lines, the totals per VAT rate and the terms. It is stored with the document and
 * printed from it, so a later change of the settings, the customer or the catalog never rewrites an issued
 * document. A credit note names the invoice it corrects ({@code invoiceNumber}, {@code invoiceDate}).
 */
public record InvoiceContent(DocumentKind kind, String number, LocalDate issuedOn, LocalDate dueOn, UUID orderId,
                             String orderNumber, String currency, String locale, Party seller, Party buyer,
                             List<Line> lines, Totals totals, String paymentTerms, String legalMentions,
                             String iban, String bic, String bankName, String invoiceNumber, LocalDate invoiceDate,
                             String reason) {

    /** An invoice or a credit note, with the prefix of its numbers and its UN/CEFACT document type code. */
    public enum DocumentKind {
        INVOICE("FAC", "380"), CREDIT_NOTE("AVO", "381");

        private final String prefix;
        private final String typeCode;

        DocumentKind(String prefix, String typeCode) {
            this.prefix = prefix;
            this.typeCode = typeCode;
        }

        public String prefix() {
            return prefix;
        }

        public String typeCode() {
            return typeCode;
        }

        /** {@code FAC-2026-000001}: the prefix, the year and the number of the year on at least 6 digits. */
        public String number(int year, long n) {
            return prefix + "-" + year + "-" + String.format("%06d", n);
        }
    }

    /** A seller or a buyer as the document prints it (registration numbers: the seller's, or a company buyer's). */
    public record Party(String name, String legalForm, String line1, String line2, String postalCode, String city,
                        String country, String siren, String siret, String vatNumber, String ninea, String rccm,
                        String phone, String email) {
    }

    /** A line: quantity × unit price excluding VAT less the discount gives {@code net}. */
    public record Line(String sku, String label, int quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal vatRate, BigDecimal net) {
    }
}
