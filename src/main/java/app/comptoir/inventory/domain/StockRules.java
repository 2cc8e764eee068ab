package app.comptoir.inventory.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.comptoir.inventory.StockStatus;

/**
 * How a stock level stands against its variant's thresholds, and which alerts follow: the one place
 * these rules live. The lists, the statistics and the alert detector all ask here; SQL only pre-filters
 * (the stock list's status filter mirrors {@link #status}).
 *
 * <ul>
 * <li>Out: nothing available (zero or less). Low: something available, at or under the alert level.
 * Overstock: more on hand than the overstock level. Otherwise OK. The status is the first that holds.</li>
 * <li>Alerts, one per condition and per enabled rule: OUT_OF_STOCK when out; LOW_STOCK when low, where
 * a variant without an alert level but with a reorder point is low at the rule's percentage of it;
 * OVERSTOCK above the overstock level (whether or not something is available). Several may hold at once.</li>
 * <li>An alert is raised when its condition starts and resolved when it ends; an outgoing movement ends
 * a SLOW_MOVING episode.</li>
 * </ul>
 */
public final class StockRules {

    private StockRules() {
    }

    /** The status of a level against its thresholds. */
    public static StockStatus status(StockLevel level, Thresholds thresholds) {
        int available = level.available();
        if (available <= 0) {
            return StockStatus.OUT;
        }
        if (thresholds.alertLevel() != null && available <= thresholds.alertLevel()) {
            return StockStatus.LOW;
        }
        if (thresholds.overstockLevel() != null && level.onHand() > thresholds.overstockLevel()) {
            return StockStatus.OVERSTOCK;
        }
        return StockStatus.OK;
    }

    /**
     * The level-based conditions that hold, each with the threshold crossed (0 for out of stock), among
     * the enabled rules ({@code enabledRules}: type to the rule's own threshold, null where it has none).
     */
    public static Map<AlertType, Integer> conditions(StockLevel level, Thresholds thresholds,
                                                     Map<AlertType, Integer> enabledRules) {
        Map<AlertType, Integer> holding = new EnumMap<>(AlertType.class);
        int available = level.available();
        if (enabledRules.containsKey(AlertType.OUT_OF_STOCK) && available <= 0) {
            holding.put(AlertType.OUT_OF_STOCK, 0);
        }
        if (enabledRules.containsKey(AlertType.LOW_STOCK)) {
            Integer low = lowLevel(thresholds, enabledRules.get(AlertType.LOW_STOCK));
            if (low != null && available > 0 && available <= low) {
                holding.put(AlertType.LOW_STOCK, low);
            }
        }
        Integer overstock = thresholds.overstockLevel();
        if (enabledRules.containsKey(AlertType.OVERSTOCK) && overstock != null && level.onHand() > overstock) {
            holding.put(AlertType.OVERSTOCK, overstock);
        }
        return holding;
    }

    /**
     * What a change of a level does to its alerts: raise the conditions that started, resolve the open
     * alerts whose condition ended (and the slow-moving one when goods went out). With {@code open} null
     * (the open alerts were not read) every holding condition is raised, the raise being a no-op for an
     * open one, and every ended condition resolved.
     */
    public static AlertChanges changes(StockLevel level, Thresholds thresholds, Map<AlertType, Integer> enabledRules,
                                       Set<AlertType> open, boolean outgoing) {
        Map<AlertType, Integer> raise = conditions(level, thresholds, enabledRules);
        Set<AlertType> resolve = EnumSet.noneOf(AlertType.class);
        for (AlertType type : AlertType.LEVEL_TYPES) {
            if (!raise.containsKey(type)) {
                resolve.add(type);
            }
        }
        if (outgoing) {
            resolve.add(AlertType.SLOW_MOVING);
        }
        if (open != null) {
            raise.keySet().removeAll(open);
            resolve.retainAll(open);
        }
        return new AlertChanges(raise, resolve);
    }

    /** The level at or under which stock is low: the alert level, else the rule's percentage of the reorder point. */
    static Integer lowLevel(Thresholds thresholds, Integer percentOfReorderPoint) {
        if (thresholds.alertLevel() != null) {
            return thresholds.alertLevel();
        }
        if (percentOfReorderPoint != null && thresholds.reorderPoint() != null) {
            return thresholds.reorderPoint() * percentOfReorderPoint / 100;
        }
        return null;
    }
}
