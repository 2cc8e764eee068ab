package app.comptoir.sales.web;

import java.util.List;

import app.comptoir.inventory.InsufficientStockException;
import app.comptoir.sales.domain.LineView;

/** The lines a confirmation could not serve, as the order page lists them: what, how many asked, how many left. */
record Shortages(List<Line> lines) implements java.io.Serializable {

    /** One short line. */
    record Line(String sku, String label, int requested, int available) implements java.io.Serializable {
    }

    static Shortages of(InsufficientStockException e, List<LineView> orderLines) {
        return new Shortages(e.shortages().stream().map(s -> new Line(s.sku(),
                orderLines.stream().filter(l -> l.variantId().equals(s.variantId())).map(LineView::label).findFirst()
                        .orElse(s.sku()), s.requested(), s.available())).toList());
    }
}
