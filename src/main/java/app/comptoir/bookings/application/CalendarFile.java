package app.comptoir.bookings.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import app.comptoir.bookings.domain.AppointmentStatus;

/**
 * An appointment as an iCalendar file (RFC 5545) for the customer's calendar: one VEVENT with its times in UTC
 * ({@code 20260615T070000Z}, so every calendar shows them in its own zone), a stable UID, the service and business
 * as summary, the reference and the manage link as description. Text is escaped (backslash, semicolon, comma, line
 * breaks) and lines are folded at 75 octets, as the RFC asks; lines end with CRLF.
 */
public final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    /** The file's text. */
    public static String of(PublicAppointment a, String businessName, String location, String manageUrl,
                            Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Comptoir//Bookings//FR");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + a.id() + "@comptoir");
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(a.startsAt()));
        line(ics, "DTEND:" + UTC.format(a.endsAt()));
        line(ics, "SUMMARY:" + escape(a.serviceName() + " – " + businessName));
        line(ics, "DESCRIPTION:" + escape(a.reference() + (manageUrl == null ? "" : "\n" + manageUrl)));
        if (location != null && !location.isBlank()) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (manageUrl != null) {
            line(ics, "URL:" + manageUrl);
        }
        line(ics, "STATUS:" + switch (a.status()) {
            case CONFIRMED, COMPLETED -> "CONFIRMED";
            case HELD -> "TENTATIVE";
            default -> "CANCELLED";
        });
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Whether the appointment's calendar event is still on (confirmed or held). */
    public static boolean on(AppointmentStatus status) {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.HELD;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (a continuation starts with a space), never inside a character. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
