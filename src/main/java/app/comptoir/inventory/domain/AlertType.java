package app.comptoir.inventory.domain;

/** What an alert rule watches, and the severity of its alerts. */
public enum AlertType {
    LOW_STOCK("WARNING"), OUT_OF_STOCK("CRITICAL"), OVERSTOCK("INFO"), SLOW_MOVING("INFO"), LATE_DELIVERY("WARNING");

    private final String severity;

    AlertType(String severity) {
        this.severity = severity;
    }

    public String severity() {
        return severity;
    }
}
