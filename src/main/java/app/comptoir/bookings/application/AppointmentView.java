package app.comptoir.bookings.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.BookingSource;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.bookings.domain.TimelineEntry;
import app.comptoir.payments.PaymentState;

/**
 * An appointment as staff see it: reference, status and the statuses it may move to, service, resource, times
 * (instants, UTC), the customer, how they pay and where the payment stands, and (on its own page) its timeline.
 */
public record AppointmentView(UUID id, String reference, AppointmentStatus status, List<AppointmentStatus> allowed,
                              UUID serviceId, String serviceName, UUID resourceId, String resourceName,
                              Instant startsAt, Instant endsAt, String customerName, String phone, String email,
                              String vehiclePlate, String vehicleCategory, PaymentChoice paymentChoice,
                              BigDecimal price, String currency, Instant holdExpiresAt, BookingSource source,
                              String note, String cancelReason, Instant createdAt, Payment payment,
                              List<TimelineEntry> history) {

    /** Where the appointment's payment stands (from the payments module). */
    public record Payment(PaymentState state, BigDecimal due, BigDecimal paid, BigDecimal toCollect) {
    }
}
