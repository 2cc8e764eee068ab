package app.comptoir.inventory;

import java.util.UUID;

/** A quantity of one variant to reserve, at a location (null: the default location). */
public record ReservationLine(UUID variantId, int quantity, UUID locationId) {

    public ReservationLine(UUID variantId, int quantity) {
        this(variantId, quantity, null);
    }
}
