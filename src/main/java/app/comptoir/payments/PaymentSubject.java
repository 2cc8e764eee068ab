package app.comptoir.payments;

import java.util.Objects;
import java.util.UUID;

/** What is paid: an order or an appointment of the current business, by its id. */
public record PaymentSubject(SubjectType type, UUID id) {

    public PaymentSubject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** An order of sales. */
    public static PaymentSubject order(UUID orderId) {
        return new PaymentSubject(SubjectType.ORDER, orderId);
    }

    /** An appointment of bookings. */
    public static PaymentSubject booking(UUID bookingId) {
        return new PaymentSubject(SubjectType.BOOKING, bookingId);
    }
}
