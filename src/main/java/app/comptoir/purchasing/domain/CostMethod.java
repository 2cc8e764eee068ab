package app.comptoir.purchasing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import app.comptoir.platform.Money;

/**
 * How a receipt changes a variant's cost: {@link #LAST} takes the unit cost just paid; {@link #WEIGHTED_AVERAGE}
 * values the stock on hand before the receipt at the current cost and the goods received at their unit cost, and
 * divides by the new quantity. Results are in the currency's decimals (none for XOF), rounded half up.
 */
public enum CostMethod {
    LAST, WEIGHTED_AVERAGE;

    /**
     * The variant's cost after receiving {@code received} units at {@code unitCost}, when {@code onHandBefore}
     * units (all locations) were in stock at {@code currentCost}. Without a current cost, or with nothing (or less
     * than nothing) on hand, the average is the unit cost itself: there is nothing else to weigh.
     */
    public BigDecimal costAfter(BigDecimal currentCost, int onHandBefore, BigDecimal unitCost, int received,
                                String currency) {
        if (received <= 0) {
            throw new IllegalArgumentException("received must be more than 0");
        }
        if (this == LAST || currentCost == null || onHandBefore <= 0) {
            return Money.round(unitCost, currency);
        }
        BigDecimal value = currentCost.multiply(BigDecimal.valueOf(onHandBefore))
                .add(unitCost.multiply(BigDecimal.valueOf(received)));
        BigDecimal average = value.divide(BigDecimal.valueOf((long) onHandBefore + received),
                Money.decimals(currency) + 4, RoundingMode.HALF_UP);
        return Money.round(average, currency);
    }
}
