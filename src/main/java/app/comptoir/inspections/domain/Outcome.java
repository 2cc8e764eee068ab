package app.comptoir.inspections.domain;

/**
 * What an inspection concludes: favourable (valid until the next due date), a counter-visit required within two
 * months (a major defect), or unfavourable (a critical defect: a counter-visit, and the vehicle restricted to the
 * day of the inspection).
 */
public enum Outcome {
    FAVOURABLE, COUNTER_VISIT, UNFAVOURABLE
}
