package app.comptoir.inventory;

import java.util.UUID;

/** Filters of the stock list: a location, a status, a catalog category and a text (name, SKU, barcode). */
public record StockFilter(UUID locationId, StockStatus status, UUID categoryId, String q) {

    public static StockFilter none() {
        return new StockFilter(null, null, null, null);
    }
}
