package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.comptoir.platform.Money;

/**
 * The money rules of quotes and orders, in one place:
 * <ul>
 *   <li>amounts have the currency's decimals (2, or 0 for XOF and XAF), rounded half up ({@link Money});</li>
 *   <li>a line's net is {@code quantity × unitPrice × (1 − discount/100)}, rounded once;</li>
 *   <li>the delivery fee (excluding VAT) is taxed at the highest VAT rate of the lines (0 without lines);</li>
 *   <li>VAT is computed and rounded once per rate on the sum of that rate's nets; gross = net + VAT.</li>
 * </ul>
 */
public final class Pricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** A line's net amount. */
    public static BigDecimal lineNet(int quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal factor = HUNDRED.subtract(discount == null ? BigDecimal.ZERO : discount).divide(HUNDRED);
        return Money.round(gross.multiply(factor), currency);
    }

    /** The totals of lines plus a delivery fee. */
    public static Totals totals(List<LineView> lines, BigDecimal deliveryFee, String currency) {
        Map<BigDecimal, BigDecimal> bases = new TreeMap<>(Comparator.reverseOrder());
        for (LineView line : lines) {
            bases.merge(line.vatRate().stripTrailingZeros(), line.net(), BigDecimal::add);
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
            BigDecimal base = Money.round(e.getValue(), currency);
            BigDecimal tax = Money.round(base.multiply(e.getKey()).divide(HUNDRED), currency);
            byRate.add(new Totals.VatLine(e.getKey().setScale(Math.max(0, Math.min(2, e.getKey().scale()))), base, tax));
            net = net.add(base);
            vat = vat.add(tax);
        }
        return new Totals(net, vat, net.add(vat), byRate);
    }

    /** The gross value (VAT included) of part of a line: its share of the line's net, plus VAT at its rate. */
    public static BigDecimal grossShare(LineView line, int quantity, String currency) {
        BigDecimal share = line.net().multiply(BigDecimal.valueOf(quantity))
                .divide(BigDecimal.valueOf(line.quantity()), 10, RoundingMode.HALF_UP);
        BigDecimal withVat = share.multiply(HUNDRED.add(line.vatRate())).divide(HUNDRED);
        return Money.round(withVat, currency);
    }
}
