/**
 * Bookings: bookable services (duration, price, buffers, vehicle categories), the resources that perform them
 * (inspectors, lanes) with their opening hours, breaks, holidays and capacity, free slots in the business's time
 * zone, appointments booked by the public (on {@code /book/{slug}}) or by staff, held while the customer pays
 * online, moved, cancelled, marked no-show, and the staff calendar.
 *
 * <p>The root package is the published API only (what other modules use: the events {@code AppointmentBooked} and
 * {@code AppointmentReminderDue}, {@code AppointmentDocuments}, an appointment's calendar file for the e-mails, and
 * {@code BookingDesk}, the booking page's public facts read by the assistant's visitor chat). Internals follow the module template: {@code web} (public booking page and API, staff pages and
 * API), {@code application} (services), {@code domain} (slots and the appointment's rules, framework-free),
 * {@code persistence} (every SQL text) and {@code demo}. It takes payments through the payments module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bookings",
        allowedDependencies = {"platform", "identity", "payments"})
package app.comptoir.bookings;
