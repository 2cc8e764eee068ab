package app.comptoir.inspections.domain;

import app.comptoir.platform.ConflictException;

/** An inspection cannot do what was asked in its state (409 {@code inspection-state}): completed, cancelled, expired. */
public class InspectionRefusedException extends ConflictException {

    /** The stable problem type. */
    public static final String TYPE = "inspection-state";

    public InspectionRefusedException(String detail) {
        super(TYPE, detail);
    }
}
