package app.comptoir.inventory;

import java.util.UUID;

/** A place where stock is kept ("Boutique", "Entrepôt"); one is the default. */
public record StockLocation(UUID id, String name, boolean isDefault, boolean allowNegative) {
}
