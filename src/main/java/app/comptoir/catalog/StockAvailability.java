package app.comptoir.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the catalog needs to know of stock to show it: the quantity available now per variant (on hand
 * minus reserved, summed over the locations). A port: the catalog declares it and the inventory
 * module implements it, so that the catalog never depends on inventory (inventory depends on the
 * catalog). Without an implementation (inventory absent) the catalog shows no stock figures.
 */
public interface StockAvailability {

    /** The available quantity of each of these variants of the tenant; variants without stock map to 0. */
    Map<UUID, Integer> available(UUID tenantId, Collection<UUID> variantIds);
}
