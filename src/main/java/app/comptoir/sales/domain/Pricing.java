package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.comptoir.platform.Money;

/**
 * The money rules of quotes and orders, in one place. Unit prices are entered either excluding VAT (HT, a
 * business selling to businesses) or including VAT (TTC, a shop whose shelf prices include it): each quote
 * and order keeps the way its prices were entered ({@code pricesIncludeVat}), so a business changing its
 * setting never changes the totals of what it already made.
 * <ul>
 *   <li>amounts have the currency's decimals (2, or 0 for XOF and XAF), rounded half up ({@link Money});</li>
 *   <li>a line's amount is {@code quantity × unitPrice × (1 − discount/100)}, rounded once: its net (HT) when
 *       prices exclude VAT, its gross (TTC) when they include it;</li>
 *   <li>the delivery fee is in the same mode as the prices and is taxed at the highest VAT rate of the lines
 *       (0 without lines);</li>
 *   <li>prices excluding VAT: per rate, the VAT is computed and rounded once on the sum of that rate's nets;
 *       gross = net + VAT;</li>
 *   <li>prices including VAT (the way French invoices of a shop are made): per rate, the VAT is computed and
 *       rounded once on the sum of that rate's gross amounts, {@code VAT = gross × rate / (100 + rate)}; net =
 *       gross − VAT. The gross the customer was shown is kept to the cent; the net is what is left.</li>
 * </ul>
 * Both modes give the same totals when the TTC prices are the exact image of the HT ones (10.00 HT at 20 %
 * and 12.00 TTC). When they are not, the mode decides which side is exact: three items at 8.33 HT make
 * 24.99 + 5.00 = 29.99, three items at 10.00 TTC make 30.00 = 25.00 + 5.00.
 *
 * <p>A line's {@code net} ({@link LineView#net()}) is always its amount excluding VAT, the figure the
 * reports add up: with prices including VAT it is the line's gross less its own VAT, rounded per line, so
 * the lines' nets may differ by a cent from the order's net, which is computed per rate.
 */
public final class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** A line's amount in the mode its unit price was entered in (net when HT, gross when TTC). */
    public static BigDecimal lineAmount(int quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal factor = HUNDRED.subtract(discount == null ? BigDecimal.ZERO : discount).divide(HUNDRED);
        return Money.round(gross.multiply(factor), currency);
    }

    /** A line's net amount when its unit price excludes VAT. */
    public static BigDecimal lineNet(int quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        return lineAmount(quantity, unitPrice, discount, currency);
    }

    /** A line's net amount (excluding VAT), whichever way its unit price was entered. */
    public static BigDecimal lineNet(int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal vatRate,
                                     boolean pricesIncludeVat, String currency) {
        BigDecimal amount = lineAmount(quantity, unitPrice, discount, currency);
        return pricesIncludeVat ? amount.subtract(vatIncluded(amount, vatRate, currency)) : amount;
    }

    /** The VAT inside a gross amount: {@code gross × rate / (100 + rate)}, rounded to the currency. */
    public static BigDecimal vatIncluded(BigDecimal gross, BigDecimal rate, String currency) {
        return Money.round(gross.multiply(rate).divide(HUNDRED.add(rate), MathContext.DECIMAL64), currency);
    }

    /** The totals of lines plus a delivery fee, prices excluding VAT. */
    public static Totals totals(List<LineView> lines, BigDecimal deliveryFee, String currency) {
        return totals(lines, deliveryFee, currency, false);
    }

    /** The totals of lines plus a delivery fee, the lines' unit prices and the fee in the given mode. */
    public static Totals totals(List<LineView> lines, BigDecimal deliveryFee, String currency, boolean pricesIncludeVat) {
        Map<BigDecimal, BigDecimal> bases = new TreeMap<>(Comparator.reverseOrder());
        for (LineView line : lines) {
            BigDecimal amount = pricesIncludeVat
                    ? lineAmount(line.quantity(), line.unitPrice(), line.discount(), currency) : line.net();
            bases.merge(line.vatRate().stripTrailingZeros(), amount, BigDecimal::add);
        }
        BigDecimal fee = deliveryFee == null ? BigDecimal.ZERO : deliveryFee;
        if (fee.signum() != 0) {
            BigDecimal rate = bases.isEmpty() ? BigDecimal.ZERO : bases.keySet().iterator().next();
            bases.merge(rate, fee, BigDecimal::add);
        }
        BigDecimal net = Money.round(BigDecimal.ZERO, currency);
        BigDecimal vat = Money.round(BigDecimal.ZERO, currency);
        List<Totals.VatLine> byRate = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : bases.entrySet()) {
            BigDecimal rate = e.getKey();
            BigDecimal base = Money.round(e.getValue(), currency);
            BigDecimal tax;
            if (pricesIncludeVat) {
                tax = vatIncluded(base, rate, currency);
                base = base.subtract(tax);
            } else {
                tax = Money.round(base.multiply(rate).divide(HUNDRED), currency);
            }
            byRate.add(new Totals.VatLine(rate.setScale(Math.max(0, Math.min(2, rate.scale()))), base, tax));
            net = net.add(base);
            vat = vat.add(tax);
        }
        return new Totals(net, vat, net.add(vat), byRate, pricesIncludeVat);
    }

    /** The gross value (VAT included) of part of a line whose prices exclude VAT. */
    public static BigDecimal grossShare(LineView line, int quantity, String currency) {
        return grossShare(line, quantity, currency, false);
    }

    /**
     * The gross value (VAT included) of part of a line: its share of the line's gross, which is the line's
     * amount when prices include VAT, and its net plus VAT at its rate when they exclude it.
     */
    public static BigDecimal grossShare(LineView line, int quantity, String currency, boolean pricesIncludeVat) {
        if (pricesIncludeVat) {
            BigDecimal gross = lineAmount(line.quantity(), line.unitPrice(), line.discount(), currency);
            return Money.round(share(gross, quantity, line.quantity()), currency);
        }
        BigDecimal withVat = share(line.net(), quantity, line.quantity()).multiply(HUNDRED.add(line.vatRate())).divide(HUNDRED);
        return Money.round(withVat, currency);
    }

    private static BigDecimal share(BigDecimal whole, int part, int of) {
        return whole.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(of), 10, RoundingMode.HALF_UP);
    }
}
