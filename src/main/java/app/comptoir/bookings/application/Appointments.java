package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.AppointmentBooked;
import app.comptoir.bookings.application.SlotQueries.Audience;
import app.comptoir.bookings.domain.Appointment;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.BookingSource;
import app.comptoir.bookings.domain.Capacity;
import app.comptoir.bookings.domain.Customer;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.Cutoff;
import app.comptoir.bookings.domain.ManageToken;
import app.comptoir.bookings.domain.Occupancy;
import app.comptoir.bookings.domain.Party;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.bookings.domain.SetupRules.Settings;
import app.comptoir.bookings.domain.Slot;
import app.comptoir.bookings.persistence.AppointmentStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceStore;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.identity.Tenants;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.Payments;
import app.comptoir.payments.SubjectType;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * The appointments' use cases: booking (by the customer on the public page, by staff for a customer, a walk-in on
 * a resource free now), moving, cancelling, recording a no-show or the service done, taking a payment at the
 * counter, and the reactions to the payment (confirming a held slot, expiring an unpaid hold). Each act loads the
 * {@link Appointment}, asks it, stores it and publishes.
 *
 * <p>No double booking: a booking (and a move) locks the rows of its candidate resources ({@link ResourceStore#lock},
 * in id order), then counts the appointments that overlap the new one on each, under the lock, and takes the first
 * resource whose capacity holds one more ({@link Capacity}); the appointment is inserted before the transaction
 * ends and releases the locks. Under READ COMMITTED each statement after the lock sees every booking committed by
 * the transactions that held it before, so two bookings of one resource never both see it free. When no candidate
 * is free the request is refused with the next free slots ({@link SlotUnavailableException}).
 *
 * <p>Staff use cases check their permission first (READ to see, BOOKINGS_WRITE to act, PAYMENTS_RECORD to take a
 * payment); the customer's use cases are reached through {@link PublicBookings}, which found the appointment by its
 * link, and the system's through the payment listener and the hold expiry.
 */
@Service
@Transactional
public class Appointments {

    private static final Logger log = LoggerFactory.getLogger(Appointments.class);
    private static final int NEXT_SLOTS = 5;

    private final AppointmentStore store;
    private final ServiceStore services;
    private final ResourceStore resources;
    private final SlotQueries slotQueries;
    private final BookingActor actor;
    private final Tenants tenants;
    private final BusinessTime businessTime;
    private final Payments payments;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Appointments(AppointmentStore store, ServiceStore services, ResourceStore resources, SlotQueries slotQueries,
                 BookingActor actor, Tenants tenants, BusinessTime businessTime, Payments payments,
                 AuditRecorder audit, ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.store = store;
        this.services = services;
        this.resources = resources;
        this.slotQueries = slotQueries;
        this.actor = actor;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A booking as asked: the service, a resource (null: the first free one), the start (an instant of a free slot),
     * who it is for, how they pay (null: on site) and a note.
     */
    public record BookingRequest(UUID serviceId, UUID resourceId, Instant start, CustomerRules.Input customer,
                                 PaymentChoice paymentChoice, String note) {
    }

    /** A walk-in: the service, a resource (null: the first free one now), who it is for, a note. */
    public record WalkInRequest(UUID serviceId, UUID resourceId, CustomerRules.Input customer, String note) {
    }

    /**
     * A booking made: the appointment and the token of the customer's link (shown once, never stored), and whether
     * it is the answer to a retry of a booking already made (then with a new link to it).
     */
    public record Booked(Appointment appointment, String manageToken, boolean replayed) {
    }

    // ----------------------------------------------------------------------------------------------- staff reads

    /** The appointment with its timeline and payment. */
    @Transactional(readOnly = true)
    public AppointmentView find(UUID id) {
        actor.require(Permission.READ);
        Appointment a = load(id, false);
        return view(a, resources.names(actor.tenant()), summaries(List.of(a)), store.history(actor.tenant(), id));
    }

    /**
     * The calendar: appointments starting on the days from {@code from} to {@code to} (both included, the business's
     * days), by start, of one resource or all, with their payment; cancelled and expired ones when {@code all}.
     */
    @Transactional(readOnly = true)
    public List<AppointmentView> calendar(LocalDate from, LocalDate to, UUID resourceId, boolean all) {
        actor.require(Permission.READ);
        if (from == null || to == null) {
            throw InvalidInputException.field(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.field("to", "must not be before from");
        }
        app.comptoir.bookings.domain.SetupRules.day("from", from);
        app.comptoir.bookings.domain.SetupRules.day("to", to);
        if (ChronoUnit.DAYS.between(from, to) > 62) {
            throw InvalidInputException.field("to", "must be at most 62 days after from");
        }
        ZoneId zone = businessTime.zone();
        List<Appointment> found = store.between(actor.tenant(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), resourceId, all);
        Map<UUID, String> names = resources.names(actor.tenant());
        Map<UUID, PaymentSummary> paid = summaries(found);
        return found.stream().map(a -> view(a, names, paid, List.of())).toList();
    }

    /** The free slots of a service on a day as staff see them (every future slot; {@code except}: being moved). */
    @Transactional(readOnly = true)
    public List<SlotView> freeSlots(UUID serviceId, LocalDate day, UUID resourceId, UUID except) {
        actor.require(Permission.READ);
        if (serviceId == null || day == null) {
            throw InvalidInputException.field(serviceId == null ? "serviceId" : "day", "is required");
        }
        app.comptoir.bookings.domain.SetupRules.day("day", day);
        ServiceView service = services.findAny(actor.tenant(), serviceId)
                .orElseThrow(() -> new NotFoundException("Service", serviceId));
        return slotQueries.slots(service, day, resourceId, Audience.STAFF, except).stream().map(SlotView::of)
                .toList();
    }

    // ------------------------------------------------------------------------------------------------- booking

    /** Staff book a free slot for a customer (paid on site by default). */
    public AppointmentView book(BookingRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        Booked booked = take(request, BookingSource.STAFF, Audience.STAFF, tenants.current().locale(),
                Locale.forLanguageTag(tenants.current().locale()), null, null);
        return stored(booked.appointment().id());
    }

    /**
     * The customer books on the public page (or API), in their language: CONFIRMED when paying on site, HELD for
     * the hold minutes when paying online (the caller then starts the checkout). Field errors name every broken
     * field; a slot taken meanwhile is refused with the next free ones.
     */
    public Booked bookForCustomer(BookingRequest request, Locale locale) {
        return bookForCustomer(request, locale, null, null);
    }

    /**
     * The same with the appointment's id chosen by the caller (derived from an Idempotency-Key) and the request's
     * hash: a retry of the same request answers with the appointment already booked (and a new link to it); the
     * same id with another request is refused (422 {@code idempotency-key-reused}).
     */
    public Booked bookForCustomer(BookingRequest request, Locale locale, UUID id, String requestHash) {
        if (id != null) {
            Optional<String> stored = store.requestHash(actor.tenant(), id);
            if (stored.isPresent()) {
                if (!app.comptoir.platform.IdempotencyKeys.sameRequest(stored.get().isEmpty() ? null : stored.get(),
                        requestHash)) {
                    throw app.comptoir.platform.IdempotencyKeys.reused("Idempotency-Key");
                }
                Appointment first = load(id, false);
                String token = ManageToken.generate();
                store.addLink(first.tenantId(), first.id(), ManageToken.hash(token), clock.instant());
                return new Booked(first, token, true);
            }
        }
        return take(request, BookingSource.PUBLIC, Audience.CUSTOMER, language(locale), locale, id, requestHash);
    }

    /** Staff book a customer who just walked in, now, on a resource free now (whatever the opening hours). */
    public AppointmentView walkIn(WalkInRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        WalkInRequest r = request == null ? new WalkInRequest(null, null, null, null) : request;
        if (r.serviceId() == null) {
            throw InvalidInputException.field("serviceId", "is required");
        }
        ServiceView service = services.find(actor.tenant(), r.serviceId())
                .orElseThrow(() -> InvalidInputException.field("serviceId", "is not a service of this business"));
        List<ResourceView> performers = performers(service, r.resourceId());
        Customer customer = CustomerRules.check(r.customer(), service.vehicleCategories());
        String note = text("note", r.note(), 1000);
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.MINUTES);
        UUID resource = claim(service, performers, start, null, now).orElseThrow(() -> unavailable(service, start,
                Audience.STAFF, null, Locale.forLanguageTag(tenants.current().locale()), "bookings.walkIn.noneFree"));
        Appointment a = insert(null, service, resource, start, customer, PaymentChoice.ON_SITE,
                BookingSource.WALK_IN, tenants.current().locale(), note, now, null);
        confirmed(a, ManageToken.generate(), now);
        return stored(a.id());
    }

    private Booked take(BookingRequest request, BookingSource source, Audience audience, String language,
                        Locale locale, UUID id, String requestHash) {
        BookingRequest r = request == null ? new BookingRequest(null, null, null, null, null, null) : request;
        if (r.serviceId() == null) {
            throw InvalidInputException.field("serviceId", "is required");
        }
        ServiceView service = services.find(actor.tenant(), r.serviceId())
                .filter(s -> s.active() || audience == Audience.STAFF)
                .orElseThrow(() -> InvalidInputException.field("serviceId", "is not a service offered by this business"));
        List<ResourceView> performers = performers(service, r.resourceId());
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Customer customer = null;
        try {
            customer = CustomerRules.check(r.customer(), service.vehicleCategories());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        PaymentChoice choice = r.paymentChoice() == null ? PaymentChoice.ON_SITE : r.paymentChoice();
        if (choice == PaymentChoice.ONLINE && source != BookingSource.PUBLIC) {
            errors.add(new InvalidInputException.FieldError("paymentChoice",
                    "must be ON_SITE: staff bookings are paid at the counter"));
        } else if (choice == PaymentChoice.ONLINE && service.price().signum() <= 0) {
            errors.add(new InvalidInputException.FieldError("paymentChoice", "nothing to pay online: the service is free"));
        } else if (choice == PaymentChoice.ONLINE && !payments.onlineAvailable()) {
            errors.add(new InvalidInputException.FieldError("paymentChoice",
                    "online payment is not available for this business"));
        }
        String note = null;
        try {
            note = text("note", r.note(), 1000);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        Slot open = null;
        if (r.start() == null) {
            errors.add(new InvalidInputException.FieldError("start", "is required"));
        } else if (!reasonable(r.start())) {
            errors.add(new InvalidInputException.FieldError("start", "is not a bookable time of this service"));
        } else {
            LocalDate day = r.start().atZone(businessTime.zone()).toLocalDate();
            open = slotQueries.openSlots(service, day, performers, audience).stream()
                    .filter(s -> s.start().equals(r.start())).findFirst().orElse(null);
            if (open == null) {
                errors.add(new InvalidInputException.FieldError("start", "is not a bookable time of this service"
                        + " (outside the opening hours, on a closed day, too soon or too far ahead)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid", errors);
        }
        Slot slot = open;
        List<ResourceView> candidates = performers.stream().filter(p -> slot.resources().contains(p.id())).toList();
        Instant now = clock.instant();
        UUID resource = claim(service, candidates, r.start(), null, now).orElseThrow(() -> unavailable(service,
                r.start(), audience, null, locale, "bookings.slot.taken"));
        Appointment a = insert(id, service, resource, r.start(), customer, choice, source, language, note, now,
                requestHash);
        String token = ManageToken.generate();
        if (a.status() == AppointmentStatus.CONFIRMED) {
            confirmed(a, token, now);
        } else {
            store.addLink(a.tenantId(), a.id(), ManageToken.hash(token), now);
        }
        return new Booked(a, token, false);
    }

    private Appointment insert(UUID id, ServiceView service, UUID resource, Instant start, Customer customer,
                               PaymentChoice choice, BookingSource source, String language, String note, Instant now,
                               String requestHash) {
        UUID tenant = actor.tenant();
        Settings settings = slotQueries.settings();
        String currency = tenants.current().currency();
        Appointment a = Appointment.book(new Appointment.Booking(tenant, id == null ? Ids.newId() : id,
                        store.nextReference(tenant, businessTime.year(now)), service.id(), service.name(),
                        service.timing(), resource, start, customer, choice, service.price(), currency, source,
                        language, note), Duration.ofMinutes(settings.holdMinutes()), now, actor.userId(),
                source == BookingSource.PUBLIC);
        store.insert(a, actor.userId(), requestHash);
        payments.expect(PaymentSubject.booking(a.id()), a.price(), a.currency());
        audit.record(Appointment.AUDITED, a.id(), "CREATE", null, fields(a));
        return a;
    }

    /** Keeps a new link for the customer and publishes the confirmation (e-mailed by notifications). */
    private void confirmed(Appointment a, String token, Instant now) {
        store.addLink(a.tenantId(), a.id(), ManageToken.hash(token), now);
        events.publishEvent(new AppointmentBooked(a.tenantId(), a.id(), a.reference(), a.serviceName(),
                resources.names(a.tenantId()).get(a.resourceId()), a.startsAt(), a.endsAt(),
                businessTime.zone().getId(), a.customer().name(), a.customer().email(), a.locale(), a.price(),
                a.currency(), a.paymentChoice() == PaymentChoice.ONLINE, token));
    }

    /**
     * Locks the candidates and takes the first that holds one more appointment from {@code start} (see the class
     * comment); empty when none does.
     */
    private Optional<UUID> claim(ServiceView service, List<ResourceView> candidates, Instant start, UUID except,
                                 Instant now) {
        UUID tenant = actor.tenant();
        List<UUID> ids = candidates.stream().map(ResourceView::id).toList();
        resources.lock(tenant, ids);
        Occupancy wanted = service.timing().occupancy(start);
        Map<UUID, List<Occupancy>> booked = store.occupancy(tenant, ids, wanted.from(), wanted.until(), now, except);
        return candidates.stream()
                .filter(r -> Capacity.fits(booked.getOrDefault(r.id(), List.of()), wanted.from(), wanted.until(),
                        r.capacity()))
                .map(ResourceView::id).findFirst();
    }

    private SlotUnavailableException unavailable(ServiceView service, Instant start, Audience audience, UUID except,
                                                 Locale locale, String key) {
        List<SlotView> next = slotQueries.next(service, start.minusSeconds(1), NEXT_SLOTS, audience, except).stream()
                .map(SlotView::of).toList();
        String detail = messages.getMessage(next.isEmpty() ? key + ".none" : key, null, locale);
        return new SlotUnavailableException(detail, next);
    }

    private List<ResourceView> performers(ServiceView service, UUID resourceId) {
        List<ResourceView> performers = slotQueries.performers(service.id(), resourceId);
        if (performers.isEmpty()) {
            throw resourceId == null
                    ? InvalidInputException.field("serviceId", "no active resource performs this service")
                    : InvalidInputException.field("resourceId", "is not an active resource performing this service");
        }
        return performers;
    }

    // ------------------------------------------------------------------------------------------ staff changes

    /** Staff move a confirmed appointment to another free slot and, when given, another resource. */
    public AppointmentView move(UUID id, Instant start, UUID resourceId) {
        actor.require(Permission.BOOKINGS_WRITE);
        reschedule(load(id, true), start, resourceId, Party.STAFF, Audience.STAFF,
                Locale.forLanguageTag(tenants.current().locale()));
        return stored(id);
    }

    /** Staff cancel a held or confirmed appointment, with an optional reason; nothing is due any more. */
    public AppointmentView cancel(UUID id, String reason) {
        actor.require(Permission.BOOKINGS_WRITE);
        String why = text("reason", reason, 300);
        Appointment a = load(id, true);
        AppointmentStatus from = a.status();
        a.cancel(Party.STAFF, why, cutoff(), clock.instant(), actor.userId());
        afterCancel(a, from);
        return stored(id);
    }

    /** The customer did not come (once the appointment has started). */
    public AppointmentView markNoShow(UUID id) {
        actor.require(Permission.BOOKINGS_WRITE);
        Appointment a = load(id, true);
        AppointmentStatus from = a.status();
        a.markNoShow(clock.instant(), actor.userId());
        save(a, from);
        return stored(id);
    }

    /** The service was done. */
    public AppointmentView complete(UUID id) {
        actor.require(Permission.BOOKINGS_WRITE);
        return completeDone(id);
    }

    /**
     * The service was done, recorded by another module's use case that checked its own permission (an inspection
     * completed on the appointment: INSPECTIONS_WRITE); nothing happens to an appointment already completed.
     */
    public AppointmentView completeDone(UUID id) {
        Appointment a = load(id, true);
        if (a.status() == AppointmentStatus.COMPLETED) {
            return stored(id);
        }
        AppointmentStatus from = a.status();
        a.complete(clock.instant(), actor.userId());
        save(a, from);
        return stored(id);
    }

    /**
     * Records a payment taken at the counter (cash, card terminal, transfer, cheque) through the payments module
     * (PAYMENTS_RECORD); the same idempotency key records it once.
     */
    public PaymentView recordPayment(UUID id, OnSitePayment payment, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_RECORD);
        Appointment a = load(id, false);
        if (a.status() == AppointmentStatus.EXPIRED) {
            throw new app.comptoir.platform.ConflictException("appointment-not-payable",
                    "Appointment " + a.reference() + " is " + a.status() + ": nothing is due on it");
        }
        if (payment == null || payment.method() == null) {
            throw InvalidInputException.field("method", "is required");
        }
        if (payment.method().online()) {
            throw InvalidInputException.field("method", "must be a payment taken on site (CASH, CARD_TERMINAL, "
                    + "TRANSFER, CHEQUE)");
        }
        return payments.recordOnSite(PaymentSubject.booking(id), payment, idempotencyKey);
    }

    // --------------------------------------------------------------------------------------- customer changes

    /** The customer cancels through their link (until the cut-off); what they paid online is given back. */
    public Appointment cancelForCustomer(UUID id) {
        Appointment a = load(id, true);
        AppointmentStatus from = a.status();
        a.cancel(Party.CUSTOMER, null, cutoff(), clock.instant(), null);
        afterCancel(a, from);
        PaymentSubject subject = PaymentSubject.booking(id);
        if (from == AppointmentStatus.CONFIRMED) {
            PaymentSummary paid = payments.summary(subject);
            if (paid.net().signum() > 0) {
                payments.grantRefund(subject, paid.net(), "Annulation par le client " + a.reference(),
                        "booking-cancel:" + id);
            }
        }
        return a;
    }

    /** The customer moves their appointment to another free slot through their link (until the cut-off). */
    public Appointment rescheduleForCustomer(UUID id, Instant start, Locale locale) {
        Appointment a = load(id, true);
        reschedule(a, start, null, Party.CUSTOMER, Audience.CUSTOMER, locale);
        return a;
    }

    private void reschedule(Appointment a, Instant start, UUID resourceId, Party party, Audience audience,
                            Locale locale) {
        Instant now = clock.instant();
        Cutoff cutoff = cutoff();
        a.requireMovable(party, cutoff, now);
        if (start == null) {
            throw InvalidInputException.field("start", "is required");
        }
        if (!reasonable(start)) {
            throw InvalidInputException.field("start", "is not a bookable time of this service");
        }
        ServiceView service = services.findAny(actor.tenant(), a.serviceId())
                .orElseThrow(() -> new NotFoundException("Service", a.serviceId()));
        List<ResourceView> performers = performers(service, resourceId);
        LocalDate day = start.atZone(businessTime.zone()).toLocalDate();
        Slot open = slotQueries.openSlots(service, day, performers, audience).stream()
                .filter(s -> s.start().equals(start)).findFirst()
                .orElseThrow(() -> InvalidInputException.field("start", "is not a bookable time of this service"
                        + " (outside the opening hours, on a closed day, too soon or too far ahead)"));
        List<ResourceView> candidates = new ArrayList<>(performers.stream()
                .filter(p -> open.resources().contains(p.id())).toList());
        // Staying on its resource, when it is free, is the least surprise.
        candidates.sort((x, y) -> Boolean.compare(!x.id().equals(a.resourceId()), !y.id().equals(a.resourceId())));
        UUID resource = claim(service, candidates, start, a.id(), now).orElseThrow(() -> unavailable(service, start,
                audience, a.id(), locale, "bookings.slot.taken"));
        Map<String, Object> before = fields(a);
        a.moveTo(resource, start, service.timing(), party, cutoff, now, actor.userId());
        store.store(a, actor.userId());
        audit.recordChanges(Appointment.AUDITED, a.id(), before, fields(a));
    }

    private void afterCancel(Appointment a, AppointmentStatus from) {
        save(a, from);
        PaymentSubject subject = PaymentSubject.booking(a.id());
        payments.expect(subject, java.math.BigDecimal.ZERO, a.currency());
        if (from == AppointmentStatus.HELD) {
            payments.cancelPending(subject);
        }
    }

    // ---------------------------------------------------------------------------------------------- system

    /**
     * An online payment of the appointment succeeded: a held slot is confirmed; a hold that expired meanwhile is
     * confirmed if its slot is still free, else the payment is given back; a payment for a cancelled appointment
     * is given back. A payment on an appointment already confirmed (at the counter) changes nothing here.
     */
    public void paymentSucceeded(UUID id, java.math.BigDecimal amount, boolean online) {
        Optional<Appointment> found = store.find(actor.tenant(), id, true);
        if (found.isEmpty()) {
            log.warn("Payment for appointment {} that does not exist", id);
            return;
        }
        Appointment a = found.get();
        Instant now = clock.instant();
        PaymentSubject subject = PaymentSubject.booking(id);
        switch (a.status()) {
            case HELD -> {
                a.confirmPayment(now);
                save(a, AppointmentStatus.HELD);
                confirmed(a, ManageToken.generate(), now);
            }
            case EXPIRED -> {
                // Confirmed after all when its resource still has room for it at that time.
                ServiceView service = services.findAny(actor.tenant(), a.serviceId()).orElse(null);
                List<ResourceView> own = service == null ? List.of() : slotQueries.performers(service.id(),
                        a.resourceId());
                Optional<UUID> free = own.isEmpty() || a.startsAt().isBefore(now) ? Optional.empty()
                        : claim(service, own, a.startsAt(), a.id(), now);
                if (free.isPresent()) {
                    a.confirmLatePayment(now);
                    save(a, AppointmentStatus.EXPIRED);
                    payments.expect(subject, a.price(), a.currency());
                    confirmed(a, ManageToken.generate(), now);
                } else if (online) {
                    a.recordRefundedPayment("Paiement arrivé après l'expiration, créneau repris : remboursé", now);
                    store.store(a, null);
                    payments.grantRefund(subject, amount, "Créneau " + a.reference() + " expiré avant le paiement",
                            "booking-late:" + id);
                }
            }
            case CANCELLED -> {
                if (online) {
                    a.recordRefundedPayment("Paiement arrivé après l'annulation : remboursé", now);
                    store.store(a, null);
                    payments.grantRefund(subject, amount, "Rendez-vous " + a.reference() + " annulé",
                            "booking-cancelled-paid:" + id);
                }
            }
            default -> {
            }
        }
    }

    /** The checkout of a held appointment ended unpaid (expired at the provider): the hold ends now. */
    public void checkoutEnded(UUID id) {
        store.find(actor.tenant(), id, true).ifPresent(a -> {
            if (a.status() == AppointmentStatus.HELD) {
                Instant now = clock.instant();
                a.expireHold(a.holdExpiresAt().isAfter(now) ? a.holdExpiresAt() : now);
                save(a, AppointmentStatus.HELD);
                payments.expect(PaymentSubject.booking(id), java.math.BigDecimal.ZERO, a.currency());
            }
        });
    }

    /** Expires the hold if it lapsed by {@code now}; true when it did (the caller then cancels the checkout). */
    public boolean expireHold(UUID id, Instant now) {
        Appointment a = store.find(actor.tenant(), id, true).orElse(null);
        if (a == null || !a.expireHold(now)) {
            return false;
        }
        save(a, AppointmentStatus.HELD);
        payments.expect(PaymentSubject.booking(id), java.math.BigDecimal.ZERO, a.currency());
        return true;
    }

    /** Cancels a hold whose online checkout could not start. */
    public void releaseHold(UUID id, String reason) {
        Appointment a = load(id, true);
        if (a.status() == AppointmentStatus.HELD) {
            a.cancel(Party.SYSTEM, reason, cutoff(), clock.instant(), null);
            save(a, AppointmentStatus.HELD);
            payments.expect(PaymentSubject.booking(id), java.math.BigDecimal.ZERO, a.currency());
        }
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** The appointment for the current business (locked when asked). */
    public Appointment load(UUID id, boolean lock) {
        return store.find(actor.tenant(), id, lock).orElseThrow(() -> new NotFoundException("Appointment", id));
    }

    /**
     * The appointment a scanned or typed code points to: the customer's link (the QR code of the confirmation page,
     * whole URL or token) or the reference; empty when it points to none of this business.
     */
    @Transactional(readOnly = true)
    public Optional<AppointmentView> findByCode(String code) {
        actor.require(Permission.READ);
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String text = code.strip();
        int manage = text.lastIndexOf("/manage/");
        String token = manage >= 0 ? text.substring(manage + "/manage/".length()).replaceAll("[?#/].*$", "") : text;
        Optional<UUID> id = ManageToken.wellFormed(token) ? store.byLink(actor.tenant(), ManageToken.hash(token))
                : Optional.empty();
        if (id.isEmpty()) {
            id = store.byReference(actor.tenant(), text.toUpperCase(java.util.Locale.ROOT));
        }
        return id.map(this::stored);
    }

    /** The business's cut-off for customers' changes. */
    public Cutoff cutoff() {
        Settings s = slotQueries.settings();
        return new Cutoff(s.cutoffHours(), s.contactPhone());
    }

    private void save(Appointment a, AppointmentStatus from) {
        store.store(a, actor.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", a.status().name());
        if (a.cancelReason() != null) {
            after.put("reason", a.cancelReason());
        }
        audit.record(Appointment.AUDITED, a.id(), "UPDATE", Map.of("status", from.name()), after);
    }

    private AppointmentView stored(UUID id) {
        Appointment a = load(id, false);
        return view(a, resources.names(actor.tenant()), summaries(List.of(a)), store.history(actor.tenant(), id));
    }

    private Map<UUID, PaymentSummary> summaries(List<Appointment> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        return payments.summaries(SubjectType.BOOKING, list.stream().map(Appointment::id).toList());
    }

    static AppointmentView view(Appointment a, Map<UUID, String> names, Map<UUID, PaymentSummary> paid,
                                List<app.comptoir.bookings.domain.TimelineEntry> history) {
        PaymentSummary summary = paid.get(a.id());
        AppointmentView.Payment payment = summary == null ? null
                : new AppointmentView.Payment(summary.state(), summary.due(), summary.paid().subtract(summary.refunded()),
                summary.toCollect());
        Customer c = a.customer();
        return new AppointmentView(a.id(), a.reference(), a.status(), a.next(), a.serviceId(), a.serviceName(),
                a.resourceId(), names.get(a.resourceId()), a.startsAt(), a.endsAt(), c.name(), c.phone(), c.email(),
                c.vehiclePlate(), c.vehicleCategory(), a.paymentChoice(), a.price(), a.currency(), a.holdExpiresAt(),
                a.source(), a.note(), a.cancelReason(), a.createdAt(), payment, history);
    }

    private static Map<String, Object> fields(Appointment a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("reference", a.reference());
        f.put("status", a.status().name());
        f.put("service", a.serviceName());
        f.put("resourceId", a.resourceId().toString());
        f.put("startsAt", a.startsAt().toString());
        f.put("endsAt", a.endsAt().toString());
        f.put("customer", a.customer().name());
        f.put("paymentChoice", a.paymentChoice().name());
        f.put("source", a.source().name());
        return f;
    }

    /** Whether the instant lies within the days bookings deal with (a time far away is no slot). */
    private static boolean reasonable(Instant at) {
        try {
            app.comptoir.bookings.domain.SetupRules.instant("start", at);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "fr";
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (app.comptoir.platform.TextInput.hasControlCharacter(s)) {
            throw InvalidInputException.field(field, "must not contain control characters");
        }
        if (s.length() > max) {
            throw InvalidInputException.field(field, "must be at most " + max + " characters");
        }
        return s;
    }
}
