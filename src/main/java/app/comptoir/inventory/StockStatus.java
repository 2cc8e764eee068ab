package app.comptoir.inventory;

/**
 * How a stock level stands against its variant's thresholds (decided by
 * {@link app.comptoir.inventory.domain.StockRules#status}).
 */
public enum StockStatus {
    OK, LOW, OUT, OVERSTOCK
}
