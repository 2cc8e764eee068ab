package app.comptoir.bookings.domain;

/** How the customer pays: at the counter on the day, or online when booking (the slot is held meanwhile). */
public enum PaymentChoice {
    ON_SITE, ONLINE
}
