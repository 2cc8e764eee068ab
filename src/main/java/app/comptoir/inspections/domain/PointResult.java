package app.comptoir.inspections.domain;

import java.time.Instant;
import java.util.UUID;

/** A control point of one inspection and what the inspector found (grade null: not checked yet). */
public record PointResult(String code, ControlFunction function, int position, Grade grade, String comment,
                          UUID photoId, Instant checkedAt, UUID checkedBy) {

    /** The point before it is checked. */
    public static PointResult unchecked(ControlPoint point) {
        return new PointResult(point.code(), point.function(), point.position(), null, null, null, null, null);
    }
}
