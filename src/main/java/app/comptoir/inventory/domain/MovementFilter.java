package app.comptoir.inventory.domain;

import java.time.Instant;
import java.util.UUID;

import app.comptoir.inventory.MovementType;

/** Filters of the movement journal: a type, a variant, a location and a time range [from, to). */
public record MovementFilter(MovementType type, UUID variantId, UUID locationId, Instant from, Instant to) {

    public static MovementFilter none() {
        return new MovementFilter(null, null, null, null, null);
    }
}
