package app.comptoir.inventory.domain;

/** A variant's thresholds as set by a manager (null: none). Lead time is in days, for reorder suggestions. */
public record Thresholds(Integer alertLevel, Integer overstockLevel, Integer reorderPoint, Integer reorderQuantity,
                         Integer leadTimeDays) {
}
