package app.comptoir.sales;

import java.util.UUID;

/** A quantity of one catalog variant on an order, as the sales events carry it (what stock listeners need). */
public record OrderItem(UUID variantId, String sku, int quantity) {
}
