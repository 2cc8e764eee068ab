package app.comptoir.bookings;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.bookings.application.PublicBookings;

/** An appointment as a calendar file (RFC 5545), for the notifications module's e-mails to the customer. */
@Service
public class AppointmentDocuments {

    /** The file's name and its bytes (text/calendar, UTF-8). */
    public record CalendarDocument(String fileName, byte[] ics) {
    }

    private final PublicBookings bookings;

    AppointmentDocuments(PublicBookings bookings) {
        this.bookings = bookings;
    }

    /**
     * The appointment of the current business as a calendar file whose description and URL are the customer's link
     * ({@code manageUrl}, absolute); empty when there is no such appointment.
     */
    public Optional<CalendarDocument> calendarFile(UUID appointmentId, String manageUrl) {
        return bookings.calendarFileOf(appointmentId, manageUrl)
                .map(ics -> new CalendarDocument("rendez-vous.ics", ics.getBytes(StandardCharsets.UTF_8)));
    }
}
