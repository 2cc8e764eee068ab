package app.comptoir.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An appointment is confirmed: paid on site (at booking) or online (when the payment arrived). Notifications
 * e-mails the customer the confirmation with the link {@code /book/{slug}/manage/{manageToken}} (to see, move or
 * cancel it) and the calendar file; bookings keeps only the token's hash. {@code zone} is the business's time zone,
 * {@code locale} the customer's language. Published once per appointment.
 */
public record AppointmentBooked(UUID tenantId, UUID appointmentId, String reference, String serviceName,
                                String resourceName, Instant startsAt, Instant endsAt, String zone,
                                String customerName, String customerEmail, String locale, BigDecimal price,
                                String currency, boolean paidOnline, String manageToken) {
}
