package app.comptoir.catalog;

import java.util.Map;
import java.util.UUID;

/**
 * Records the stock a product starts with when it is created with it (the "Stock initial" of the product form,
 * {@code openingStock} on the API), in the same transaction as the product: all or nothing. A port, like
 * {@link StockAvailability}: the catalog declares it and the inventory module implements it (as entries at the
 * default location), so that the catalog never depends on inventory.
 */
public interface OpeningStock {

    /** Records each quantity (positive) as the opening stock of the variant of the current tenant. */
    void receive(Map<UUID, Integer> quantitiesByVariant);
}
