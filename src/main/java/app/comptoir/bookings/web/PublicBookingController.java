package app.comptoir.bookings.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.bookings.application.Appointments;
import app.comptoir.bookings.application.PublicAppointment;
import app.comptoir.bookings.application.PublicBookings;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.PublicRequests;

/**
 * The public booking API of a business ({@code /api/v1/booking/{slug}}): no token needed, the business found by its
 * address (404 without the BOOKINGS module). Its offered services, the days with free slots, a day's slots,
 * booking, and the customer's appointment through the token of their link: see it, cancel it, move it, its calendar
 * file. Texts of refusals follow {@code lang} (fr, en) or Accept-Language.
 */
@RestController
@RequestMapping("/api/v1/booking/{slug}")
@Tag(name = "Bookings: public booking")
class PublicBookingController {

    private final PublicBookings bookings;
    private final IdempotencyKeys idempotencyKeys;

    PublicBookingController(PublicBookings bookings, IdempotencyKeys idempotencyKeys) {
        this.bookings = bookings;
        this.idempotencyKeys = idempotencyKeys;
    }

    record BookBody(UUID serviceId, Instant start, String customerName, String phone, String email,
                    String vehiclePlate, String vehicleCategory, PaymentChoice paymentChoice) {
    }

    record RescheduleBody(Instant start) {
    }

    @GetMapping
    @Operation(summary = "The business's booking page: name, zone, currency, phone, note, whether it takes online "
            + "payments")
    PublicBookings.BookingPage page(@PathVariable String slug) {
        return bookings.page(slug);
    }

    @GetMapping("/services")
    @Operation(summary = "The services offered for booking")
    List<PublicBookings.OfferedService> services(@PathVariable String slug) {
        return bookings.services(slug);
    }

    @GetMapping("/services/{serviceId}/days")
    @Operation(summary = "How many free slots each day has (a week strip)",
            description = "from? (yyyy-MM-dd, default today in the business's zone), days? (1-31, default 7).")
    Map<LocalDate, Integer> days(@PathVariable String slug, @PathVariable UUID serviceId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(defaultValue = "7") int days) {
        return bookings.week(slug, serviceId, from, days);
    }

    @GetMapping("/services/{serviceId}/slots")
    @Operation(summary = "The free slots of a service on a day",
            description = "day (yyyy-MM-dd). Each slot: start and end (UTC instants), day and time in the business's "
                    + "zone (DST days included: a time the clocks skip has no slot, a repeated one is shown once).")
    PublicBookings.Day slots(@PathVariable String slug, @PathVariable UUID serviceId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return bookings.slots(slug, serviceId, day);
    }

    @PostMapping("/appointments")
    @Operation(summary = "Book a free slot",
            description = "{serviceId, start (a slot's start instant), customerName, phone, email?, vehiclePlate "
                    + "(AB-123-CD or 1234 AB 56) and vehicleCategory for services with vehicle categories, "
                    + "paymentChoice? (ON_SITE, default, or ONLINE when the business takes online payments)}. "
                    + "201 with the appointment, manageToken and manageUrl (to see, move or cancel it), and for "
                    + "ONLINE a paymentUrl: the slot is HELD until the payment or the hold's end. 400 names every "
                    + "broken field; 409 slot-unavailable (with nextSlots) when someone booked it first. With an "
                    + "Idempotency-Key a retry answers the first booking (200, Idempotent-Replayed: true).")
    ResponseEntity<PublicBookings.Result> book(@PathVariable String slug, @RequestBody BookBody body,
                                               @Parameter(description = "Makes retries safe: at most 100 characters")
                                               @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                               HttpServletRequest http) {
        BookBody b = body == null ? new BookBody(null, null, null, null, null, null, null, null) : body;
        Optional<String> idempotencyKey = idempotencyKeys.key(key);
        String hash = idempotencyKey.isPresent() ? idempotencyKeys.requestHash(http, b) : null;
        PublicBookings.Result result = bookings.book(slug, new Appointments.BookingRequest(b.serviceId(), null,
                        b.start(), new CustomerRules.Input(b.customerName(), b.phone(), b.email(), b.vehiclePlate(),
                        b.vehicleCategory()), b.paymentChoice(), null), PublicRequests.locale(http),
                idempotencyKey.orElse(null), hash, PublicRequests.siteUrl());
        return IdempotencyKeys.answer(result, result.replayed(), URI.create("/api/v1/booking/" + slug
                + "/appointments/" + result.manageToken()));
    }

    @GetMapping("/appointments/{token}")
    @Operation(summary = "The customer's appointment, by the token of their link",
            description = "changeable says whether they may still move or cancel it (until changeDeadline); after "
                    + "that, contactPhone is the business's phone.")
    PublicAppointment appointment(@PathVariable String slug, @PathVariable String token) {
        return bookings.byToken(slug, token);
    }

    @PostMapping("/appointments/{token}/cancel")
    @Operation(summary = "Cancel the appointment (until the business's cut-off: 409 booking-cutoff-passed with the "
            + "phone after it); what was paid online is refunded")
    PublicAppointment cancel(@PathVariable String slug, @PathVariable String token) {
        return bookings.cancel(slug, token);
    }

    @PostMapping("/appointments/{token}/reschedule")
    @Operation(summary = "Move the appointment to another free slot of its service ({start}; until the cut-off)")
    PublicAppointment reschedule(@PathVariable String slug, @PathVariable String token,
                                 @RequestBody RescheduleBody body, HttpServletRequest http) {
        return bookings.reschedule(slug, token, body == null ? null : body.start(), PublicRequests.locale(http));
    }

    @GetMapping("/appointments/{token}/calendar.ics")
    @Operation(summary = "The appointment as an iCalendar file (RFC 5545, times in UTC)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar",
                    schema = @Schema(type = "string"))))
    ResponseEntity<byte[]> calendar(@PathVariable String slug, @PathVariable String token) {
        return calendarFile(bookings.calendarFile(slug, token, PublicRequests.siteUrl()));
    }

    static ResponseEntity<byte[]> calendarFile(String ics) {
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rendez-vous.ics")
                        .build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }
}
