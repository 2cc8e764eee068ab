package app.comptoir.bookings.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.bookings.application.AppointmentView;
import app.comptoir.bookings.application.Appointments;
import app.comptoir.bookings.application.SlotView;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentView;
import app.comptoir.platform.IdempotencyKeys;

/**
 * The staff's appointments: the calendar of a period, free slots, booking for a customer, walk-ins, and the acts on
 * an appointment (move, cancel, no-show, completed) and its payment at the counter. Every role reads; BOOKINGS_WRITE
 * acts; PAYMENTS_RECORD takes payments.
 */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings: appointments")
@PreAuthorize("@rolePermissions.has('READ')")
class AppointmentController {

    private final Appointments appointments;
    private final IdempotencyKeys idempotencyKeys;

    AppointmentController(Appointments appointments, IdempotencyKeys idempotencyKeys) {
        this.appointments = appointments;
        this.idempotencyKeys = idempotencyKeys;
    }

    record BookingBody(UUID serviceId, UUID resourceId, Instant start, String customerName, String phone,
                       String email, String vehiclePlate, String vehicleCategory, PaymentChoice paymentChoice,
                       String note) {
    }

    record WalkInBody(UUID serviceId, UUID resourceId, String customerName, String phone, String email,
                      String vehiclePlate, String vehicleCategory, String note) {
    }

    record MoveBody(Instant start, UUID resourceId) {
    }

    record CancelBody(String reason) {
    }

    record PaymentBody(PaymentMethod method, BigDecimal amount, String reference, String note) {
    }

    @GetMapping("/appointments")
    @Operation(summary = "The calendar: appointments starting from one day to another (the business's days)",
            description = "from and to (yyyy-MM-dd, both included, at most 62 days apart), resourceId? (one column), "
                    + "all? (true: cancelled and expired ones too). Each with its payment state.")
    List<AppointmentView> calendar(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID resourceId, @RequestParam(defaultValue = "false") boolean all) {
        return appointments.calendar(from, to, resourceId, all);
    }

    @GetMapping("/slots")
    @Operation(summary = "The free slots of a service on a day, for staff (every future slot, no booking horizon)",
            description = "serviceId, day (yyyy-MM-dd), resourceId? (one resource), except? (an appointment being "
                    + "moved, whose own time counts as free).")
    List<SlotView> slots(@RequestParam UUID serviceId,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                         @RequestParam(required = false) UUID resourceId, @RequestParam(required = false) UUID except) {
        return appointments.freeSlots(serviceId, day, resourceId, except);
    }

    @PostMapping("/appointments")
    @Operation(summary = "Book a free slot for a customer (paid on site)",
            description = "{serviceId, resourceId? (else the first free), start (an instant of a free slot), "
                    + "customerName, phone, email?, vehiclePlate and vehicleCategory (services with vehicle "
                    + "categories), note?}. 400 names every broken field; 409 slot-unavailable with nextSlots when "
                    + "it was taken meanwhile.")
    ResponseEntity<AppointmentView> book(@RequestBody BookingBody body) {
        BookingBody b = body == null ? new BookingBody(null, null, null, null, null, null, null, null, null, null) : body;
        AppointmentView view = appointments.book(new Appointments.BookingRequest(b.serviceId(), b.resourceId(),
                b.start(), new CustomerRules.Input(b.customerName(), b.phone(), b.email(), b.vehiclePlate(),
                b.vehicleCategory()), b.paymentChoice(), b.note()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/appointments/" + view.id())).body(view);
    }

    @PostMapping("/walk-ins")
    @Operation(summary = "Book a walk-in now on a resource free now",
            description = "{serviceId, resourceId?, customerName, phone, email?, vehiclePlate?, vehicleCategory?, "
                    + "note?}; 409 slot-unavailable (with the next free slots) when no resource is free now.")
    ResponseEntity<AppointmentView> walkIn(@RequestBody WalkInBody body) {
        WalkInBody b = body == null ? new WalkInBody(null, null, null, null, null, null, null, null) : body;
        AppointmentView view = appointments.walkIn(new Appointments.WalkInRequest(b.serviceId(), b.resourceId(),
                new CustomerRules.Input(b.customerName(), b.phone(), b.email(), b.vehiclePlate(),
                        b.vehicleCategory()), b.note()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/appointments/" + view.id())).body(view);
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "An appointment with its timeline and payment")
    AppointmentView get(@PathVariable UUID id) {
        return appointments.find(id);
    }

    @PostMapping("/appointments/{id}/move")
    @Operation(summary = "Move a confirmed appointment to another free slot (and resource)",
            description = "{start, resourceId?}; 409 slot-unavailable when the slot is not free, 409 "
                    + "appointment-transition when the appointment is not confirmed.")
    AppointmentView move(@PathVariable UUID id, @RequestBody MoveBody body) {
        MoveBody b = body == null ? new MoveBody(null, null) : body;
        return appointments.move(id, b.start(), b.resourceId());
    }

    @PostMapping("/appointments/{id}/cancel")
    @Operation(summary = "Cancel a held or confirmed appointment ({reason?}); its slot is free again")
    AppointmentView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelBody body) {
        return appointments.cancel(id, body == null ? null : body.reason());
    }

    @PostMapping("/appointments/{id}/no-show")
    @Operation(summary = "Record that the customer did not come (once the appointment has started)")
    AppointmentView noShow(@PathVariable UUID id) {
        return appointments.markNoShow(id);
    }

    @PostMapping("/appointments/{id}/complete")
    @Operation(summary = "Record that the service was done")
    AppointmentView complete(@PathVariable UUID id) {
        return appointments.complete(id);
    }

    @PostMapping("/appointments/{id}/payments")
    @Operation(summary = "Take a payment at the counter (PAYMENTS_RECORD)",
            description = "{method: CASH | CARD_TERMINAL | TRANSFER | CHEQUE, amount, reference?, note?}. With an "
                    + "Idempotency-Key, a retry records the payment once.")
    ResponseEntity<PaymentView> pay(@PathVariable UUID id, @RequestBody PaymentBody body,
                                    @Parameter(description = "Makes retries safe: at most 100 characters")
                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key) {
        PaymentBody b = body == null ? new PaymentBody(null, null, null, null) : body;
        String idempotencyKey = idempotencyKeys.key(key).map(k -> "booking-payment:" + id + ":" + k).orElse(null);
        PaymentView payment = appointments.recordPayment(id, new OnSitePayment(b.method(), b.amount(), b.reference(),
                b.note()), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(payment);
    }
}
