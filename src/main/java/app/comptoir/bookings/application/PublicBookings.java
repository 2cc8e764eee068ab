package app.comptoir.bookings.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.application.SlotQueries.Audience;
import app.comptoir.bookings.domain.Appointment;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.Cutoff;
import app.comptoir.bookings.domain.ManageToken;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.SetupRules.Settings;
import app.comptoir.bookings.persistence.AppointmentStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ServiceStore;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.Payments;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/**
 * The public booking page's use cases, for anyone on the Internet: a business is found by its address
 * ({@code /book/{slug}}) and must have the BOOKINGS module on (else 404); its offered services, the days of a week
 * that have free slots, a day's slots, booking (then, for an online payment, the provider's checkout, started after
 * the booking's commit so that no lock is held while the provider answers), and the customer's link: see, cancel or
 * move the appointment, pay again, the calendar file. Everything runs under the business's tenant
 * ({@link TenantContext#callAs}), so row-level security applies as for staff.
 */
@Service
public class PublicBookings {

    private static final Logger log = LoggerFactory.getLogger(PublicBookings.class);

    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final ServiceStore services;
    private final ResourceStore resources;
    private final AppointmentStore store;
    private final SlotQueries slotQueries;
    private final Appointments appointments;
    private final Payments payments;
    private final LegalIdentities legal;
    private final BusinessTime businessTime;
    private final TransactionTemplate tx;
    private final Clock clock;

    PublicBookings(Tenants tenants, TenantContext tenantContext, ServiceStore services, ResourceStore resources,
                   AppointmentStore store, SlotQueries slotQueries, Appointments appointments, Payments payments,
                   LegalIdentities legal, BusinessTime businessTime, PlatformTransactionManager txManager,
                   Clock clock) {
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.services = services;
        this.resources = resources;
        this.store = store;
        this.slotQueries = slotQueries;
        this.appointments = appointments;
        this.payments = payments;
        this.legal = legal;
        this.businessTime = businessTime;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /**
     * The business behind a booking page, as the page shows it; {@code customerSpace}: its customers have accounts
     * to sign in to (its shop or its inspections are on), which the page links to.
     */
    public record BookingPage(UUID tenantId, String slug, String name, String currency, String zone,
                              String contactPhone, String publicNote, boolean onlineAvailable, boolean testMode,
                              int horizonDays, int holdMinutes, String location, String whatToBring,
                              boolean customerSpace) {
    }

    /** A service as the booking page offers it. */
    public record OfferedService(UUID id, String name, String description, int durationMinutes, BigDecimal price,
                                 String currency, List<String> vehicleCategories) {
    }

    /** A day's free slots, in the business's zone. */
    public record Day(LocalDate day, String zone, List<SlotView> slots) {
    }

    /** A booking made: the appointment as the customer sees it, their link, and where to pay online (or null). */
    public record Result(PublicAppointment appointment, String manageToken, String manageUrl, String paymentUrl,
                         boolean replayed) {
    }

    /** The business at this address with its booking page on; 404 otherwise. */
    public BookingPage page(String slug) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> {
            Settings settings = slotQueries.settings();
            boolean online = payments.onlineAvailable();
            return new BookingPage(business.id(), business.slug(), business.name(), business.currency(),
                    businessTime.zone().getId(), settings.contactPhone(), settings.publicNote(), online,
                    online && payments.testMode(), settings.horizonDays(), settings.holdMinutes(),
                    location(legal.current()), settings.whatToBring(),
                    business.enabledModules().contains(BusinessModule.STOREFRONT)
                            || business.enabledModules().contains(BusinessModule.INSPECTIONS));
        }));
    }

    /** The services offered: active, with at least one active resource performing them. */
    public List<OfferedService> services(String slug) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> services.list(business.id(), true).stream()
                .filter(service -> !resources.performing(business.id(), service.id()).isEmpty())
                .map(service -> offered(service, business.currency())).toList()));
    }

    /** One offered service (404 when it is not offered). */
    public OfferedService service(String slug, UUID serviceId) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> offered(offeredService(business, serviceId), business.currency())));
    }

    /** How many free slots each day from {@code from} has, for {@code days} days (the week strip). */
    public Map<LocalDate, Integer> week(String slug, UUID serviceId, LocalDate from, int days) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> {
            ServiceView service = offeredService(business, serviceId);
            LocalDate start = from == null ? businessTime.today() : SetupRules.day("from", from);
            return slotQueries.days(service, start, start.plusDays(Math.max(1, Math.min(days, 31)) - 1L),
                    Audience.CUSTOMER);
        }));
    }

    /** The day's free slots of the service. */
    public Day slots(String slug, UUID serviceId, LocalDate day) {
        TenantProfile business = business(slug);
        if (day == null) {
            throw InvalidInputException.field("day", "is required");
        }
        SetupRules.day("day", day);
        return as(business, () -> tx.execute(s -> new Day(day, businessTime.zone().getId(),
                slotQueries.slots(offeredService(business, serviceId), day, null, Audience.CUSTOMER, null).stream()
                        .map(SlotView::of).toList())));
    }

    /** Today in the business's zone. */
    public LocalDate today(String slug) {
        return as(business(slug), businessTime::today);
    }

    /**
     * Books for the customer (see {@link Appointments#bookForCustomer}); for an online payment, then starts the
     * checkout, whose success and cancel pages are the customer's link under {@code siteUrl}. When the checkout
     * cannot start the hold is released and the answer is 503 {@code payment-unavailable}.
     */
    public Result book(String slug, Appointments.BookingRequest request, Locale locale, String idempotencyKey,
                       String requestHash, String siteUrl) {
        TenantProfile business = business(slug);
        if (request != null && request.serviceId() != null) {
            as(business, () -> tx.execute(s -> offeredService(business, request.serviceId())));
        }
        UUID id = idempotencyKey == null ? null
                : UUID.nameUUIDFromBytes(("booking:" + business.id() + ":" + idempotencyKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Appointments.Booked booked = as(business, () -> appointments.bookForCustomer(request, locale, id, requestHash));
        Appointment a = booked.appointment();
        String manageUrl = manageUrl(siteUrl, business.slug(), booked.manageToken());
        String paymentUrl = null;
        if (a.status() == AppointmentStatus.HELD) {
            paymentUrl = checkout(business, a, manageUrl);
        }
        PublicAppointment view = as(business, () -> tx.execute(s -> view(appointments.load(a.id(), false))));
        return new Result(view, booked.manageToken(), manageUrl, paymentUrl, booked.replayed());
    }

    /** The appointment a customer's link opens (404 for an unknown or malformed token). */
    public PublicAppointment byToken(String slug, String token) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> view(appointments.load(appointmentId(business, token), false))));
    }

    /** The customer cancels through their link (until the cut-off: 409 {@code booking-cutoff-passed} after). */
    public PublicAppointment cancel(String slug, String token) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> view(appointments.cancelForCustomer(appointmentId(business, token)))));
    }

    /** The customer moves their appointment to another free slot of its service (until the cut-off). */
    public PublicAppointment reschedule(String slug, String token, Instant start, Locale locale) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> view(appointments.rescheduleForCustomer(
                appointmentId(business, token), start, locale))));
    }

    /** Starts (or finds again) the online checkout of a held appointment: where to send the customer. */
    public String pay(String slug, String token, String siteUrl) {
        TenantProfile business = business(slug);
        Appointment a = as(business, () -> tx.execute(s -> appointments.load(appointmentId(business, token), false)));
        if (a.status() != AppointmentStatus.HELD || !a.occupies(clock.instant())) {
            throw new app.comptoir.platform.ConflictException("appointment-not-held", "Appointment " + a.reference()
                    + " is " + a.status() + ": there is no payment to make online");
        }
        return checkout(business, a, manageUrl(siteUrl, business.slug(), token));
    }

    /** The calendar file of the appointment (RFC 5545). */
    public String calendarFile(String slug, String token, String siteUrl) {
        TenantProfile business = business(slug);
        return as(business, () -> tx.execute(s -> CalendarFile.of(view(appointments.load(appointmentId(business,
                        token), false)), business.name(), location(legal.current()),
                manageUrl(siteUrl, business.slug(), token), clock.instant())));
    }

    /**
     * The calendar file of an appointment of the current business (for the e-mails), with the customer's link, or
     * empty when there is no such appointment.
     */
    public java.util.Optional<String> calendarFileOf(UUID appointmentId, String manageUrl) {
        return tx.execute(s -> store.find(tenantContext.requireTenant(), appointmentId, false)
                .map(a -> CalendarFile.of(view(a), tenants.current().name(), location(legal.current()), manageUrl,
                        clock.instant())));
    }

    /** The link of a customer's appointment. */
    public static String manageUrl(String siteUrl, String slug, String token) {
        String base = siteUrl == null ? "" : siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return base + "/book/" + slug + "/manage/" + token;
    }

    private String checkout(TenantProfile business, Appointment a, String manageUrl) {
        try {
            OnlineCheckout checkout = as(business, () -> payments.startCheckout(PaymentSubject.booking(a.id()),
                    new CheckoutRequest(a.price(), a.serviceName() + " – " + a.reference(), a.customer().email(),
                            manageUrl + "?paid", manageUrl + "?payment=cancelled", a.holdExpiresAt()),
                    "booking-checkout:" + a.id()));
            return checkout.redirectUrl();
        } catch (RuntimeException e) {
            log.warn("Online payment of appointment {} could not start: {}", a.reference(), e.toString());
            as(business, () -> {
                appointments.releaseHold(a.id(), "Le paiement en ligne n'a pas pu démarrer");
                return null;
            });
            throw new PaymentUnavailableException("The online payment could not start; the slot was released. "
                    + "Try again, or choose to pay on site");
        }
    }

    private PublicAppointment view(Appointment a) {
        ZoneId zone = businessTime.zone();
        Cutoff cutoff = appointments.cutoff();
        Instant deadline = cutoff.deadline(a.startsAt());
        boolean changeable = (a.status() == AppointmentStatus.CONFIRMED && !clock.instant().isAfter(deadline))
                || (a.status() == AppointmentStatus.HELD && a.occupies(clock.instant()));
        return new PublicAppointment(a.id(), a.reference(), a.status(), a.serviceId(), a.serviceName(),
                resources.names(a.tenantId()).get(a.resourceId()), a.startsAt(), a.endsAt(),
                a.startsAt().atZone(zone).toLocalDate(), a.startsAt().atZone(zone).toLocalTime().toString(),
                a.endsAt().atZone(zone).toLocalTime().toString(), zone.getId(), a.customer().name(),
                a.customer().vehiclePlate(), a.customer().vehicleCategory(), a.paymentChoice(), a.price(),
                a.currency(), a.holdExpiresAt(), changeable, deadline, cutoff.contactPhone());
    }

    private UUID appointmentId(TenantProfile business, String token) {
        if (!ManageToken.wellFormed(token)) {
            throw new NotFoundException("Appointment", "link");
        }
        return store.byLink(business.id(), ManageToken.hash(token))
                .orElseThrow(() -> new NotFoundException("Appointment", "link"));
    }

    private ServiceView offeredService(TenantProfile business, UUID serviceId) {
        if (serviceId == null) {
            throw InvalidInputException.field("serviceId", "is required");
        }
        return services.find(business.id(), serviceId).filter(ServiceView::active)
                .filter(s -> !resources.performing(business.id(), s.id()).isEmpty())
                .orElseThrow(() -> new NotFoundException("Service", serviceId));
    }

    private static OfferedService offered(ServiceView s, String currency) {
        return new OfferedService(s.id(), s.name(), s.description(), s.durationMinutes(), s.price(), currency,
                s.vehicleCategories());
    }

    private TenantProfile business(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,80}")) {
            throw new NotFoundException("Booking page", slug);
        }
        return tenants.bySlug(slug)
                .filter(t -> !t.supplier() && t.enabledModules().contains(BusinessModule.BOOKINGS))
                .orElseThrow(() -> new NotFoundException("Booking page", slug));
    }

    private <T> T as(TenantProfile business, Callable<T> work) {
        return tenantContext.callAs(business.id(), work);
    }

    private static String location(LegalIdentity identity) {
        if (identity == null || identity.addressLine1() == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(identity.addressLine1());
        if (identity.postalCode() != null || identity.city() != null) {
            s.append(", ").append(identity.postalCode() == null ? "" : identity.postalCode() + " ")
                    .append(identity.city() == null ? "" : identity.city());
        }
        return s.toString().strip();
    }
}
