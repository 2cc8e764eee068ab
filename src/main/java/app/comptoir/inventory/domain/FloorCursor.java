package app.comptoir.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import app.comptoir.platform.InvalidInputException;

/**
 * Where a device is in reading the catalog and stock feed of the shop floor, opaque to the device. A pass reads what
 * changed after {@code since} (everything when null): first the variants by id, then the levels by variant and
 * location; {@code passStart} is when the pass began (null before its first page). When a pass ends, the next one
 * starts {@link #OVERLAP} before it began, so that a change committed by a transaction that was still running then
 * is read next time (reading something twice is harmless: the device replaces its copy).
 */
public record FloorCursor(Instant since, Instant passStart, Phase phase, UUID afterVariant, UUID afterLocation) {

    /** How far back a new pass starts before the previous one began. */
    public static final Duration OVERLAP = Duration.ofMinutes(2);

    private static final String VERSION = "f1";

    /** What a page reads. */
    public enum Phase { VARIANTS, LEVELS }

    /** The first pass of a device: everything. */
    public static FloorCursor first() {
        return new FloorCursor(null, null, Phase.VARIANTS, null, null);
    }

    /** This cursor with its pass started at {@code now} when it was not yet. */
    public FloorCursor startedAt(Instant now) {
        return passStart != null ? this : new FloorCursor(since, now, phase, afterVariant, afterLocation);
    }

    /** The next page of variants, after this one. */
    public FloorCursor afterVariant(UUID id) {
        return new FloorCursor(since, passStart, Phase.VARIANTS, id, null);
    }

    /** The levels, from the first or after this pair. */
    public FloorCursor afterLevel(UUID variant, UUID location) {
        return new FloorCursor(since, passStart, Phase.LEVELS, variant, location);
    }

    /** The next pass, once this one is complete. */
    public FloorCursor nextPass() {
        return new FloorCursor(passStart.minus(OVERLAP), null, Phase.VARIANTS, null, null);
    }

    /** The cursor as the device keeps it. */
    public String encode() {
        String text = String.join("|", VERSION, since == null ? "" : since.toString(),
                passStart == null ? "" : passStart.toString(), phase.name(),
                afterVariant == null ? "" : afterVariant.toString(), afterLocation == null ? "" : afterLocation.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a device sent back: the first pass when blank, 400 (field {@code cursor}) when not one of ours. */
    public static FloorCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return first();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length != 6 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown format");
            }
            Phase phase = Phase.valueOf(parts[3]);
            UUID variant = parts[4].isEmpty() ? null : UUID.fromString(parts[4]);
            UUID location = parts[5].isEmpty() ? null : UUID.fromString(parts[5]);
            if (phase == Phase.LEVELS && (variant == null) != (location == null)) {
                throw new IllegalArgumentException("half a position");
            }
            return new FloorCursor(parts[1].isEmpty() ? null : Instant.parse(parts[1]),
                    parts[2].isEmpty() ? null : Instant.parse(parts[2]), phase, variant,
                    phase == Phase.VARIANTS ? null : location);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw InvalidInputException.field("cursor", "is not a cursor this server gave; start again without one");
        }
    }
}
