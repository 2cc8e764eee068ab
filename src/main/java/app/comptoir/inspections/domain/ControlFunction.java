package app.comptoir.inspections.domain;

/**
 * The functions the control points are grouped by, in the order of the French regulation's checklist (arrêté du
 * 18 juin 1991 as amended, annexe I): identification, braking, steering, visibility, lights and signalling, axles
 * wheels tyres and suspension, chassis and body, equipment, nuisances (pollution, noise).
 */
public enum ControlFunction {
    IDENTIFICATION, BRAKES, STEERING, VISIBILITY, LIGHTS, AXLES_WHEELS, CHASSIS, EQUIPMENT, POLLUTION
}
