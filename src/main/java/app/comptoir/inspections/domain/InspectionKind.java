package app.comptoir.inspections.domain;

/** A periodic inspection checks the whole checklist; a counter-visit checks only the points an earlier one failed. */
public enum InspectionKind {
    PERIODIC, COUNTER_VISIT
}
