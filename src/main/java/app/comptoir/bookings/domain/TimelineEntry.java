package app.comptoir.bookings.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of an appointment's timeline: the status after it, what happened ({@code BOOKED}, {@code HELD},
 * {@code PAID}, {@code MOVED}, {@code CANCELLED}...), a note, when, and who (a staff member, the customer, or
 * nobody for the system).
 */
public record TimelineEntry(AppointmentStatus status, String action, String note, Instant at, UUID byUser,
                            boolean byCustomer) {
}
