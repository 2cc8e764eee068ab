package app.comptoir.inventory.domain;

/** A variant's thresholds as set by a manager (null: none). Lead time is in days, for reorder suggestions. */
public record Thresholds(Integer alertLevel, Integer overstockLevel, Integer reorderPoint, Integer reorderQuantity,
                         Integer leadTimeDays) {

    private static final Thresholds NONE = new Thresholds(null, null, null, null, null);

    /** No threshold at all (a variant whose thresholds were never set). */
    public static Thresholds none() {
        return NONE;
    }

    /** The thresholds the status and the alerts look at (the reorder quantity and lead time do not matter there). */
    public static Thresholds watched(Integer alertLevel, Integer overstockLevel, Integer reorderPoint) {
        return alertLevel == null && overstockLevel == null && reorderPoint == null ? NONE
                : new Thresholds(alertLevel, overstockLevel, reorderPoint, null, null);
    }
}
