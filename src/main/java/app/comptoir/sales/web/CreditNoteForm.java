package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import app.comptoir.sales.application.CreditNoteRequest;
import app.comptoir.sales.domain.CreditNotes;

/**
 * The "Établir un avoir" form of an order's documents card: a reason, a quantity per invoice line, an amount
 * excluding VAT per VAT rate (typed the French way, {@code 12,50}).
 */
public class CreditNoteForm implements java.io.Serializable {

    private String reason;
    private String idempotencyKey;
    private List<Line> lines = new ArrayList<>();
    private List<Amount> amounts = new ArrayList<>();

    /** A quantity to credit of the invoice's line {@code line} (from 1). */
    public static class Line implements java.io.Serializable {
        private Integer line;
        private Integer quantity;

        public Integer getLine() {
            return line;
        }

        public void setLine(Integer line) {
            this.line = line;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }
    }

    /** An amount excluding VAT to credit at a VAT rate, as typed. */
    public static class Amount implements java.io.Serializable {
        private BigDecimal vatRate;
        private String net;

        public BigDecimal getVatRate() {
            return vatRate;
        }

        public void setVatRate(BigDecimal vatRate) {
            this.vatRate = vatRate;
        }

        public String getNet() {
            return net;
        }

        public void setNet(String net) {
            this.net = net;
        }
    }

    /** The request, or {@code null} amounts where the text is no number (reported by {@link #unreadable()}). */
    CreditNoteRequest request() {
        List<CreditNotes.CreditedLine> l = lines.stream()
                .map(x -> new CreditNotes.CreditedLine(x.getLine(), x.getQuantity())).toList();
        List<CreditNotes.CreditedAmount> a = amounts.stream()
                .map(x -> new CreditNotes.CreditedAmount(x.getVatRate(), number(x.getNet()))).toList();
        return new CreditNoteRequest(reason, l, a);
    }

    /** The index of the first amount that is no number, or -1. */
    int unreadable() {
        for (int i = 0; i < amounts.size(); i++) {
            String net = amounts.get(i).getNet();
            if (net != null && !net.isBlank() && number(net) == null) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A key drawn when the form is displayed, so that submitting it twice issues one credit note. */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public List<Amount> getAmounts() {
        return amounts;
    }

    public void setAmounts(List<Amount> amounts) {
        this.amounts = amounts;
    }
}
