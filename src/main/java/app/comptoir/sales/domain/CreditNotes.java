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

    /**
     * The lines of a return's credit note kept to what was not credited yet. First per article: a quantity the
     * invoice's earlier credit notes already credited (a manual credit note of these goods, an earlier return) is
     * not credited again. Then per VAT rate: never more than the invoice's net at the rate less its earlier credit
     * notes (a commercial gesture credited as an amount counts too); the line that does not fit is cut to what
     * remains, as one amount line under its label, and the rest of the rate is dropped. Empty when everything was
     * already credited: the goods still come back to stock, but nothing is credited twice.
     */
    public static List<InvoiceContent.Line> withinRemaining(InvoiceContent invoice, List<InvoiceContent> earlier,
                                                            List<InvoiceContent.Line> lines) {
        Map<String, Integer> uncredited = new TreeMap<>();
        for (InvoiceContent.Line line : invoice.lines()) {
            if (line.sku() != null) {
                uncredited.merge(line.sku(), line.quantity(), Integer::sum);
            }
        }
        Map<BigDecimal, BigDecimal> remaining = new TreeMap<>(netByRate(invoice.lines()));
        for (InvoiceContent note : earlier) {
            netByRate(note.lines()).forEach((rate, net) -> remaining.merge(rate, net.negate(), BigDecimal::add));
            for (InvoiceContent.Line line : note.lines()) {
                if (line.sku() != null) {
                    uncredited.merge(line.sku(), -line.quantity(), Integer::sum);
                }
            }
        }
        List<InvoiceContent.Line> kept = new ArrayList<>();
        for (InvoiceContent.Line line : lines) {
            int quantity = line.sku() == null ? line.quantity()
                    : Math.min(line.quantity(), Math.max(0, uncredited.getOrDefault(line.sku(), 0)));
            BigDecimal rate = line.vatRate().stripTrailingZeros();
            BigDecimal left = remaining.getOrDefault(rate, BigDecimal.ZERO);
            if (quantity <= 0 || left.signum() <= 0) {
                continue;
            }
            if (line.sku() != null) {
                uncredited.merge(line.sku(), -quantity, Integer::sum);
            }
            BigDecimal net = quantity == line.quantity() ? line.net()
                    : net(quantity, line.unitPrice(), line.discount(), invoice.currency());
            if (net.compareTo(left) <= 0) {
                kept.add(quantity == line.quantity() ? line : new InvoiceContent.Line(line.sku(), line.label(),
                        quantity, line.unitPrice(), line.discount(), line.vatRate(), net));
                remaining.put(rate, left.subtract(net));
            } else {
                // An amount, not goods: no article, so that it is not counted as units credited later.
                kept.add(new InvoiceContent.Line(null, line.label(), 1, left, BigDecimal.ZERO, line.vatRate(), left));
                remaining.put(rate, BigDecimal.ZERO);
            }
        }
        return kept;
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

    /** A quantity of an invoice line (numbered from 1, as printed) to credit without a return. */
    public record CreditedLine(Integer line, Integer quantity) {
    }

    /** An amount excluding VAT to credit at one of the invoice's VAT rates (a commercial gesture, a price error). */
    public record CreditedAmount(BigDecimal vatRate, BigDecimal net) {
    }

    /** A rule a manual credit note breaks, on a field of its request ({@code lines[0].quantity}, {@code amounts[1].net}). */
    public record Violation(String field, String message) {
    }

    /** The lines of a manual credit note, or every rule it breaks. */
    public record Manual(List<InvoiceContent.Line> lines, List<Violation> violations, String detail) {
    }

    /**
     * A credit note without a return: chosen quantities of the invoice's lines at the invoice's prices, and amounts
     * per VAT rate (one line each, labelled {@code amountLabel}). Per rate, it and the earlier credit notes of the
     * invoice may not credit more than the invoice billed; every broken rule is reported at once.
     */
    public static Manual manual(InvoiceContent invoice, List<InvoiceContent> earlier, List<CreditedLine> lines,
                                List<CreditedAmount> amounts, String amountLabel) {
        String currency = invoice.currency();
        List<Violation> violations = new ArrayList<>();
        List<InvoiceContent.Line> credited = new ArrayList<>();
        Map<BigDecimal, String> fieldOfRate = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            CreditedLine c = lines.get(i);
            String field = "lines[" + i + "]";
            if (c == null || c.line() == null || c.line() < 1 || c.line() > invoice.lines().size()) {
                violations.add(new Violation(field + ".line", "is not a line of the invoice"));
                continue;
            }
            int quantity = c.quantity() == null ? 0 : c.quantity();
            InvoiceContent.Line billed = invoice.lines().get(c.line() - 1);
            if (quantity < 0) {
                violations.add(new Violation(field + ".quantity", "must not be negative"));
            } else if (quantity > billed.quantity()) {
                violations.add(new Violation(field + ".quantity", "is more than the invoiced quantity"));
            } else if (quantity > 0) {
                credited.add(new InvoiceContent.Line(billed.sku(), billed.label(), quantity, billed.unitPrice(),
                        billed.discount(), billed.vatRate(), net(quantity, billed.unitPrice(), billed.discount(),
                        currency)));
                fieldOfRate.putIfAbsent(billed.vatRate().stripTrailingZeros(), field + ".quantity");
            }
        }
        Map<BigDecimal, BigDecimal> billedByRate = netByRate(invoice.lines());
        for (int i = 0; i < amounts.size(); i++) {
            CreditedAmount a = amounts.get(i);
            String field = "amounts[" + i + "]";
            if (a == null || a.net() == null || a.net().signum() == 0) {
                continue;
            }
            if (a.vatRate() == null || !billedByRate.containsKey(a.vatRate().stripTrailingZeros())) {
                violations.add(new Violation(field + ".vatRate", "is not a VAT rate of the invoice"));
            } else if (a.net().signum() < 0) {
                violations.add(new Violation(field + ".net", "must not be negative"));
            } else if (a.net().stripTrailingZeros().scale() > Money.decimals(currency)) {
                violations.add(new Violation(field + ".net", "has too many decimals for the currency"));
            } else {
                BigDecimal rate = a.vatRate().stripTrailingZeros();
                credited.add(new InvoiceContent.Line(null, amountLabel, 1, a.net(), BigDecimal.ZERO, rate, a.net()));
                fieldOfRate.put(rate, field + ".net");
            }
        }
        if (violations.isEmpty() && credited.isEmpty()) {
            violations.add(new Violation("lines", "nothing to credit"));
        }
        StringBuilder detail = new StringBuilder();
        if (violations.isEmpty()) {
            Map<BigDecimal, BigDecimal> already = new TreeMap<>();
            for (InvoiceContent note : earlier) {
                netByRate(note.lines()).forEach((rate, net) -> already.merge(rate, net, BigDecimal::add));
            }
            for (Map.Entry<BigDecimal, BigDecimal> e : netByRate(credited).entrySet()) {
                BigDecimal remaining = billedByRate.get(e.getKey()).subtract(already.getOrDefault(e.getKey(),
                        BigDecimal.ZERO));
                if (e.getValue().compareTo(remaining) > 0) {
                    violations.add(new Violation(fieldOfRate.get(e.getKey()),
                            "is more than what remains to credit at this rate"));
                    detail.append(detail.isEmpty() ? "" : "; ").append("at ").append(e.getKey().toPlainString())
                            .append(" % at most ").append(Money.round(remaining.max(BigDecimal.ZERO), currency)
                                    .toPlainString()).append(' ').append(currency).append(" excluding VAT remains to credit");
                }
            }
        }
        return new Manual(violations.isEmpty() ? credited : List.of(), violations,
                detail.isEmpty() ? null : detail.toString());
    }

    /**
     * Whether two lists of credit note lines credit the same thing (same goods, quantities, prices and rates,
     * amounts compared by value): how a retried manual credit note is told from another one under the same key.
     */
    public static boolean sameLines(List<InvoiceContent.Line> a, List<InvoiceContent.Line> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            InvoiceContent.Line x = a.get(i);
            InvoiceContent.Line y = b.get(i);
            if (!java.util.Objects.equals(x.sku(), y.sku()) || !java.util.Objects.equals(x.label(), y.label())
                    || x.quantity() != y.quantity() || !sameAmount(x.unitPrice(), y.unitPrice())
                    || !sameAmount(x.discount(), y.discount()) || !sameAmount(x.vatRate(), y.vatRate())
                    || !sameAmount(x.net(), y.net())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAmount(BigDecimal x, BigDecimal y) {
        BigDecimal a = x == null ? BigDecimal.ZERO : x;
        BigDecimal b = y == null ? BigDecimal.ZERO : y;
        return a.compareTo(b) == 0;
    }

    private static Map<BigDecimal, BigDecimal> netByRate(List<InvoiceContent.Line> lines) {
        Map<BigDecimal, BigDecimal> byRate = new TreeMap<>();
        for (InvoiceContent.Line line : lines) {
            byRate.merge(line.vatRate().stripTrailingZeros(), line.net(), BigDecimal::add);
        }
        return byRate;
    }

    private static BigDecimal net(int quantity, BigDecimal unitPrice, BigDecimal discount, String currency) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal d = discount == null ? BigDecimal.ZERO : discount;
        return Money.round(gross.multiply(BigDecimal.valueOf(100).subtract(d)).divide(BigDecimal.valueOf(100), 6,
                RoundingMode.HALF_UP), currency);
    }
}
