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
 * How a return becomes a credit note: the goods that came back, at the prices of the invoice they were billed
 * on, with VAT per rate computed as on invoices (net summed per rate, VAT rounded once per rate). The delivery
 * fee is not credited (the delivery happened).
 */
public final class CreditNotes {

    private CreditNotes() {
    }

    /** A quantity that came back, identified by SKU. */
    public record Returned(String sku, int quantity) {
    }

    /** The lines of the credit note: each returned quantity on the first invoice lines of its SKU. */
    public static List<InvoiceContent.Line> lines(InvoiceContent invoice, List<Returned> returned) {
        List<InvoiceContent.Line> lines = new ArrayList<>();
        for (Returned r : returned) {
            int left = r.quantity();
            for (InvoiceContent.Line line : invoice.lines()) {
                if (left <= 0) {
                    break;
                }
                if (line.sku() != null && line.sku().equals(r.sku()) && line.quantity() > 0) {
                    int q = Math.min(left, line.quantity());
                    left -= q;
                    lines.add(new InvoiceContent.Line(line.sku(), line.label(), q, line.unitPrice(), line.discount(),
                            line.vatRate(), net(q, line.unitPrice(), line.discount(), invoice.currency())));
                }
            }
        }
        return lines;
    }

    /** The totals of lines: net per rate, VAT rounded once per rate to the currency, highest rate first. */
    public static Totals totals(List<InvoiceContent.Line> lines, String currency) {
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>(Comparator.reverseOrder());
        for (InvoiceContent.Line line : lines) {
            netByRate.merge(line.vatRate().stripTrailingZeros(), line.net(), BigDecimal::add);
        }
        List<Totals.VatLine> byRate = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> e : netByRate.entrySet()) {
            BigDecimal v = Money.round(e.getValue().multiply(e.getKey()).movePointLeft(2), currency);
            byRate.add(new Totals.VatLine(e.getKey(), e.getValue(), v));
            net = net.add(e.getValue());
            vat = vat.add(v);
        }
        return new Totals(net, vat, net.add(vat), byRate);
    }

    private static BigDecimal net(int quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal d = discount == null ? BigDecimal.ZERO : discount;
        return Money.round(gross.multiply(BigDecimal.valueOf(100).subtract(d)).divide(BigDecimal.valueOf(100), 6,
                RoundingMode.HALF_UP), currency);
    }
}
