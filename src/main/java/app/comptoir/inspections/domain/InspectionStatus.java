package app.comptoir.inspections.domain;

/** Where an inspection stands: points being checked, completed with its outcome, or abandoned. */
public enum InspectionStatus {
    IN_PROGRESS, COMPLETED, CANCELLED
}
