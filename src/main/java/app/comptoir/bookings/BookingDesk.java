package app.comptoir.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a business's public booking page tells anyone on the Internet, read-only and found by the page's address
 * ({@code /book/{slug}}): the business, its offered services with prices and durations, what to bring, its opening
 * hours and closures, and free slots. Nothing here books, moves or reveals an appointment; the assistant answers the
 * page's visitors with it. Every read runs under the business's own tenant; an unknown address, or a business
 * without the booking page, is empty or 404.
 */
public interface BookingDesk {

    /** The business behind a booking page, with what it tells its visitors. */
    record Business(UUID tenantId, String slug, String name, String zone, String currency, String locale,
                    String contactPhone, String publicNote, String whatToBring, int horizonDays, boolean testMode) {
    }

    /** A service offered on the page. */
    record Service(UUID id, String name, String description, int durationMinutes, BigDecimal price,
                   String currency) {
    }

    /** One opening interval of a weekday (1 = Monday), local times {@code HH:mm} in the business's zone. */
    record Interval(int weekday, String opensAt, String closesAt) {
    }

    /** A resource (lane, inspector) that takes appointments, with its weekly hours. */
    record Resource(String name, List<Interval> hours) {
    }

    /** A closure from today on: the whole business ({@code resource} null) or one resource. */
    record Closure(String resource, LocalDate startsOn, LocalDate endsOn, String label) {
    }

    /** The opening hours in the business's zone, and the closures to come. */
    record OpeningHours(String zone, LocalDate today, List<Resource> resources, List<Closure> closures) {
    }

    /** A free slot of a service, in the business's zone, with the page where it is booked. */
    record FreeSlot(LocalDate day, String time, Instant start, String bookingPath) {
    }

    /** The business at this address with its booking page on, or empty. */
    Optional<Business> business(String slug);

    /** The services offered on the page. */
    List<Service> services(String slug);

    /** Opening hours of the resources taking appointments, and the closures from today on. */
    OpeningHours openingHours(String slug);

    /** The free slots of an offered service on a day (404 for a service not offered). */
    List<FreeSlot> freeSlots(String slug, UUID serviceId, LocalDate day);

    /** The next free slots of an offered service from today on, at most {@code max} (1 to 20). */
    List<FreeSlot> nextFreeSlots(String slug, UUID serviceId, int max);
}
