package app.comptoir.bookings.domain;

/** Who changes an appointment: the customer (through their link), staff, or the system (hold expiry, payment). */
public enum Party {
    CUSTOMER, STAFF, SYSTEM
}
