package app.comptoir.platform;

/** The business modules a tenant can switch on or off; the navigation shows only enabled ones. */
public enum BusinessModule {
    CATALOG, INVENTORY, SALES, PURCHASING, CHANNELS, ASSISTANT, REPORTING, BOOKINGS, INSPECTIONS, PAYMENTS,
    NOTIFICATIONS;

    /** Lower-case key used in URLs and message bundles. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
