package app.comptoir.inspections.domain;

/**
 * The result of one control point: OK, or a defect graded minor (noted, no counter-visit), major (a counter-visit
 * within two months) or critical (a counter-visit, and the vehicle may be driven only until the end of the day).
 */
public enum Grade {
    OK, MINOR, MAJOR, CRITICAL;

    /** Whether the point fails the inspection (a counter-visit checks it again). */
    public boolean fails() {
        return this == MAJOR || this == CRITICAL;
    }
}
