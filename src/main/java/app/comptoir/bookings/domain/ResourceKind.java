package app.comptoir.bookings.domain;

/** What a resource is: an inspector (a person), a lane (a place with its equipment), or something else. */
public enum ResourceKind {
    INSPECTOR, LANE, OTHER
}
