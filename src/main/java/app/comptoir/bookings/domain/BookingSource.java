package app.comptoir.bookings.domain;

/** Who made the appointment: the customer on the public page (or API), staff for a customer, or staff for a walk-in. */
public enum BookingSource {
    PUBLIC, STAFF, WALK_IN
}
