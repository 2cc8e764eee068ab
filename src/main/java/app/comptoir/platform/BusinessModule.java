package app.comptoir.platform;

import java.util.Arrays;
import java.util.List;

/**
 * The business modules a tenant can switch on or off; the navigation shows only enabled ones. The product
 * plan names more modules than are built yet: {@link #built()} says which exist, and only those are offered
 * in the settings (a switch for a module that does not exist would promise what is not there).
 */
public enum BusinessModule {
    CATALOG(true), INVENTORY(true), SALES(true), PURCHASING(true), CHANNELS(true), ASSISTANT(false),
    REPORTING(true), BOOKINGS(true), INSPECTIONS(true), PAYMENTS(true), NOTIFICATIONS(false), STOREFRONT(true);

    private final boolean built;

    BusinessModule(boolean built) {
        this.built = built;
    }

    /** Whether the module exists in this version of Comptoir (its pages and API are there). */
    public boolean built() {
        return built;
    }

    /** The modules that exist in this version, in the order of the enum. */
    public static List<BusinessModule> available() {
        return Arrays.stream(values()).filter(BusinessModule::built).toList();
    }

    /** Lower-case key used in URLs and message bundles. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
