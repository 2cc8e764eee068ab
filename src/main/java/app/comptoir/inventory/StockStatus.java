package app.comptoir.inventory;

/** How a stock level stands against its variant's thresholds. */
public enum StockStatus {
    OK, LOW, OUT, OVERSTOCK;

    /** The status of a level: out at or under zero available, low at or under the alert level, overstock above it. */
    public static StockStatus of(int onHand, int available, Integer alertLevel, Integer overstockLevel) {
        if (available <= 0) {
            return OUT;
        }
        if (alertLevel != null && available <= alertLevel) {
            return LOW;
        }
        if (overstockLevel != null && onHand > overstockLevel) {
            return OVERSTOCK;
        }
        return OK;
    }
}
