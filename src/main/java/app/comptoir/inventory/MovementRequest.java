package app.comptoir.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.platform.InvalidInputException;

/**
 * A movement to record. {@code quantity} is positive and the type gives the direction, except for an
 * {@link MovementType#ADJUSTMENT} whose sign says whether stock is added or removed. {@code id} is an
 * optional client-generated id: the same id sent twice is recorded once. Without {@code locationId} the
 * default location is used; {@code toLocationId} is the destination of a transfer. {@code occurredAt} is when it
 * happened, for work recorded on a device without network and sent later (null: now; at most
 * {@link #MAX_AGE_DAYS} days before, never in the future beyond a few minutes of clock difference).
 */
public record MovementRequest(UUID id, UUID variantId, MovementType type, Integer quantity, UUID locationId,
                              UUID toLocationId, String reason, String reference, Instant occurredAt) {

    /** How long a device may keep work before sending it. */
    public static final int MAX_AGE_DAYS = 30;

    /** The clock difference tolerated between a device and the server. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A movement happening now. */
    public MovementRequest(UUID id, UUID variantId, MovementType type, Integer quantity, UUID locationId,
                           UUID toLocationId, String reason, String reference) {
        this(id, variantId, type, quantity, locationId, toLocationId, reason, reference, null);
    }

    /**
     * When the movement happened: {@code occurredAt} or {@code now}; refused (field {@code occurredAt}) when it is in
     * the future or older than {@link #MAX_AGE_DAYS} days.
     */
    public static Instant happened(Instant occurredAt, Instant now) {
        if (occurredAt == null) {
            return now;
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw InvalidInputException.field("occurredAt", "is in the future");
        }
        if (occurredAt.isBefore(now.minus(Duration.ofDays(MAX_AGE_DAYS)))) {
            throw InvalidInputException.field("occurredAt",
                    "is more than " + MAX_AGE_DAYS + " days ago");
        }
        return occurredAt.isAfter(now) ? now : occurredAt;
    }
}
