package app.comptoir.reporting.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.comptoir.inventory.StockFigures;

/**
 * The stock statistics of a business on one day: how its variants stand, what its stock is worth at
 * cost and where, how many units came in and went out each day, the products holding the most
 * value and the slow movers.
 */
public record StockReport(LocalDate asOf, String currency, StockState state, List<CategoryStock> categories,
                          List<StockFigures.DailyFlow> flows, List<ProductValue> topProducts, int slowDays,
                          List<SlowMover> slowMovers, int slowMoverCount) {

    /** Variant counts per status and the stock value at cost ({@code variantsWithoutCost}: in stock, cost unknown). */
    public record StockState(int out, int low, int overstock, int healthy, long units, BigDecimal value,
                             int variantsWithoutCost) {

        /** Every variant with a stock level. */
        public int total() {
            return out + low + overstock + healthy;
        }
    }

    /** Units on hand and their value at cost in one top-level category (its sub-categories included). */
    public record CategoryStock(UUID categoryId, String name, long units, BigDecimal value, int variants) {
    }

    /** A product's units on hand (all variants) and their value at cost. */
    public record ProductValue(UUID productId, String name, long units, BigDecimal value) {
    }

    /** A variant with stock and no outgoing movement for the period ({@code lastOutgoing} null: never). */
    public record SlowMover(UUID variantId, String sku, String name, int onHand, BigDecimal value,
                            LocalDate lastOutgoing, Long daysSince) {
    }
}
