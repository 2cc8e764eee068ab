package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.QuoteRequest;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.domain.LineView;

/**
 * The quote editor as typed: its lines (prices and discounts as typed, the French way), validity, delivery
 * fee and notes. Label and SKU ride along so that a refused form shows its rows as they were.
 */
record QuoteForm(List<Row> lines, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil, String deliveryFee, String notes, Long version) {

    /** One row of the editor. */
    record Row(UUID variantId, String label, String sku, Integer quantity, String unitPrice, String discount) {
    }

    QuoteForm {
        lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
    }

    static QuoteForm of(QuoteView quote) {
        List<Row> rows = new ArrayList<>();
        for (LineView l : quote.lines()) {
            rows.add(new Row(l.variantId(), l.label(), l.sku(), l.quantity(), plain(l.unitPrice()), plain(l.discount())));
        }
        return new QuoteForm(rows, quote.validUntil(), plain(quote.deliveryFee()), quote.notes(), quote.version());
    }

    /** The form without the row at this index (an index out of range removes nothing). */
    QuoteForm without(Integer index) {
        List<Row> rows = new ArrayList<>(lines);
        if (index != null && index >= 0 && index < rows.size()) {
            rows.remove((int) index);
        }
        return new QuoteForm(rows, validUntil, deliveryFee, notes, version);
    }

    /** The form with one more row for the variant. */
    QuoteForm with(UUID variantId, Integer quantity) {
        List<Row> rows = new ArrayList<>(lines);
        rows.add(new Row(variantId, null, null, quantity, null, null));
        return new QuoteForm(rows, validUntil, deliveryFee, notes, version);
    }

    /** What the service takes; numbers that are not numbers are rejected on the form. */
    QuoteRequest toRequest(BindingResult form) {
        List<LineRequest> requests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Row row = lines.get(i);
            requests.add(new LineRequest(row.variantId(), row.quantity(),
                    SalesForms.number(row.unitPrice(), "lines[" + i + "].unitPrice", form),
                    SalesForms.number(row.discount(), "lines[" + i + "].discount", form)));
        }
        return new QuoteRequest(null, null, validUntil, requests, SalesForms.number(deliveryFee, "deliveryFee", form),
                notes == null ? "" : notes, null);
    }

    /** An amount as an input shows it: no trailing zeros beyond the decimals, no grouping. */
    static String plain(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }
}
