package app.comptoir.bookings;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed appointment is in less than a day: notifications reminds the customer by e-mail, with a link
 * {@code /book/{slug}/manage/{manageToken}} of its own (bookings keeps only its hash). Published once per
 * appointment and start time (a moved appointment is reminded again).
 */
public record AppointmentReminderDue(UUID tenantId, UUID appointmentId, String reference, String serviceName,
                                     String resourceName, Instant startsAt, Instant endsAt, String zone,
                                     String customerName, String customerEmail, String locale, String manageToken) {
}
