package app.comptoir.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reorder rule: a variant at or under its reorder point (all locations together) should be
 * reordered; the quantity covers the demand expected over the lead time, gets back above the reorder
 * point, and is at least the reorder quantity.
 */
public final class Reorder {

    /** Lead time assumed when a variant has none. */
    public static final int DEFAULT_LEAD_TIME_DAYS = 7;

    /** The days of outgoing movements the average demand is taken over. */
    public static final int WINDOW_DAYS = 30;

    private Reorder() {
    }

    /** Whether what is available calls for a reorder (never without a reorder point). */
    public static boolean due(int available, Integer reorderPoint) {
        return reorderPoint != null && available <= reorderPoint;
    }

    /** The lead time to plan for: the variant's, else the default. */
    public static int leadTime(Integer leadTimeDays) {
        return leadTimeDays == null ? DEFAULT_LEAD_TIME_DAYS : leadTimeDays;
    }

    /** Average units out per day over the window, to the hundredth. */
    public static BigDecimal averageDailyOut(long unitsOutInWindow) {
        return BigDecimal.valueOf(unitsOutInWindow).divide(BigDecimal.valueOf(WINDOW_DAYS), 2, RoundingMode.HALF_UP);
    }

    /** Covers the lead time's expected demand and gets back above the reorder point; at least the reorder quantity. */
    public static int suggestedQuantity(int available, int reorderPoint, Integer reorderQuantity, BigDecimal perDay,
                                        int leadTime) {
        int demand = perDay.multiply(BigDecimal.valueOf(leadTime)).setScale(0, RoundingMode.CEILING).intValue();
        int needed = demand + reorderPoint - available + 1;
        return Math.max(Math.max(needed, 1), reorderQuantity == null ? 0 : reorderQuantity);
    }
}
