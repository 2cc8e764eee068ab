package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts of a quote or order in the tenant's currency: net (excluding VAT, delivery fee included), VAT
 * and gross, with the VAT per rate ({@code byRate}, highest rate first). VAT is rounded once per rate.
 * {@code pricesIncludeVat}: the document's unit prices and delivery fee include VAT (TTC), so the gross is
 * exact and the net is what is left; or exclude it (HT), the other way round (see {@link Pricing}).
 */
public record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross, List<VatLine> byRate, boolean pricesIncludeVat) {

    /** Totals of prices excluding VAT. */
    public Totals(BigDecimal net, BigDecimal vat, BigDecimal gross, List<VatLine> byRate) {
        this(net, vat, gross, byRate, false);
    }

    /** The net base and the VAT of one rate. */
    public record VatLine(BigDecimal rate, BigDecimal net, BigDecimal vat) {
    }
}
