package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Goods coming back after delivery: some lines and quantities ({@code lines} empty or null: everything not
 * yet returned), why, and the refund (default: the returned quantities' share of each line, VAT included).
 */
public record ReturnRequest(List<Line> lines, String reason, BigDecimal refund) {

    /** A quantity of one order line. */
    public record Line(UUID lineId, Integer quantity) {
    }
}
