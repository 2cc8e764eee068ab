package app.comptoir.inspections.domain;

/** One point of a checklist: its code (labels come from the message bundles), its function and its place. */
public record ControlPoint(String code, ControlFunction function, int position) {
}
