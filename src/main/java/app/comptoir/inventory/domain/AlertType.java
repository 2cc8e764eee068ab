package app.comptoir.inventory.domain;

import java.util.List;

/** What an alert rule watches, and the severity of its alerts. */
public enum AlertType {
    LOW_STOCK("WARNING"), OUT_OF_STOCK("CRITICAL"), OVERSTOCK("INFO"), SLOW_MOVING("INFO"), LATE_DELIVERY("WARNING");

    /** The types whose condition follows from a level and its thresholds alone (checked at every change). */
    public static final List<AlertType> LEVEL_TYPES = List.of(OUT_OF_STOCK, LOW_STOCK, OVERSTOCK);

    private final String severity;

    AlertType(String severity) {
        this.severity = severity;
    }

    public String severity() {
        return severity;
    }
}
