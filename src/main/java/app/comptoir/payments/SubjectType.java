package app.comptoir.payments;

/** What kind of thing a payment is for: an order (sales) or an appointment (bookings). */
public enum SubjectType {
    ORDER,
    BOOKING
}
