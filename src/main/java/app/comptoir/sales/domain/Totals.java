package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts of a quote or order in the tenant's currency: net (excluding VAT, delivery fee included), VAT
 * and gross, with the VAT per rate ({@code byRate}, highest rate first). VAT is rounded once per rate.
 */
public record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross, List<VatLine> byRate) {

    /** The net base and the VAT of one rate. */
    public record VatLine(BigDecimal rate, BigDecimal net, BigDecimal vat) {
    }
}
