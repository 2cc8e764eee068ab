package app.comptoir.bookings.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.demo.DemoAgenda.Booked;
import app.comptoir.bookings.demo.DemoInspectionCentre.ResourceSeed;
import app.comptoir.bookings.demo.DemoInspectionCentre.ServiceSeed;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.ServiceTiming;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.bookings.persistence.BookingSettingsStore;
import app.comptoir.bookings.persistence.ClosureStore;
import app.comptoir.bookings.persistence.DemoAppointmentRows;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ServiceStore;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.UserView;
import app.comptoir.identity.Users;
import app.comptoir.payments.PaymentImports;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * The bookings of the demo inspection centre ({@code ct-du-centre}): its services, lanes and inspectors with their
 * hours, the French public holidays and two days off as closures, its booking settings, and six weeks of
 * appointments behind and two ahead with their payments ({@link DemoAgenda}), dated from the demo's start in the
 * business's zone. The set-up goes through the module's stores (checked by the set-up rules first), the appointments
 * and their timelines in bulk, the payments through payments' import as the manager who took them at the counter.
 * Deterministic (seeded by the slug), in one transaction after the business's announcement commits, and does
 * nothing for a business that already has services or resources.
 */
@Component
class DemoBookings {

    private static final Logger log = LoggerFactory.getLogger(DemoBookings.class);

    private final ServiceStore services;
    private final ResourceStore resources;
    private final ClosureStore closures;
    private final BookingSettingsStore settings;
    private final DemoAppointmentRows rows;
    private final PaymentImports payments;
    private final Tenants tenants;
    private final Users users;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoBookings(ServiceStore services, ResourceStore resources, ClosureStore closures, BookingSettingsStore settings,
                 DemoAppointmentRows rows, PaymentImports payments, Tenants tenants, Users users,
                 TenantContext tenantContext, PlatformTransactionManager transactionManager, Clock clock) {
        this.services = services;
        this.resources = resources;
        this.closures = closures;
        this.settings = settings;
        this.rows = rows;
        this.payments = payments;
        this.tenants = tenants;
        this.users = users;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    // Before the demos built on its appointments (the inspections'), which listen to the same event at the lowest
    // precedence: after-commit listeners run in their order.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    void seed(TenantCreated event) {
        if (!event.demo() || !DemoInspectionCentre.SLUG.equals(event.slug())) {
            return;
        }
        long start = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            String made = tenantContext.callAs(event.tenantId(), () -> tx.execute(status ->
                    rows.present(event.tenantId()) ? null : seed(event.tenantId())));
            if (made != null) {
                log.info("Demo bookings of {}: {} ({} ms)", event.slug(), made,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String seed(UUID tenant) {
        TenantProfile centre = tenants.current();
        ZoneId zone = ZoneId.of(centre.timezone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(DemoAgenda.DAYS_BACK);
        Instant setUp = first.minusDays(90).atTime(9, 30).atZone(zone).toInstant();
        Random random = new Random(DemoInspectionCentre.SLUG.hashCode());

        settings.save(tenant, SetupRules.settings(DemoInspectionCentre.SLOT_STEP_MINUTES,
                DemoInspectionCentre.CUTOFF_HOURS, DemoInspectionCentre.HORIZON_DAYS,
                DemoInspectionCentre.MIN_NOTICE_MINUTES, DemoInspectionCentre.HOLD_MINUTES,
                DemoInspectionCentre.CONTACT_PHONE, DemoInspectionCentre.PUBLIC_NOTE,
                DemoInspectionCentre.WHAT_TO_BRING), setUp, null);

        List<DemoAgenda.Service> offered = new ArrayList<>();
        for (ServiceSeed s : DemoInspectionCentre.SERVICES) {
            SetupRules.ServiceDefinition checked = SetupRules.service(new SetupRules.ServiceInput(s.name(),
                    s.description(), s.minutes(), s.price(), s.before(), s.after(), s.categories(), true),
                    centre.currency());
            UUID id = DemoIds.of(DemoInspectionCentre.SLUG, "service", s.key());
            services.insert(tenant, id, checked, setUp, null);
            offered.add(new DemoAgenda.Service(id, s, ServiceTiming.ofMinutes(
                    checked.durationMinutes(), checked.bufferBeforeMinutes(), checked.bufferAfterMinutes())));
        }
        List<DemoAgenda.Resource> performers = new ArrayList<>();
        for (ResourceSeed r : DemoInspectionCentre.RESOURCES) {
            UUID id = DemoIds.of(DemoInspectionCentre.SLUG, "resource", r.key());
            WeeklyHours hours = WeeklyHours.check(r.hours());
            resources.insert(tenant, id, SetupRules.resource(r.name(), r.kind().name(), 1, true), setUp, null);
            resources.replaceHours(tenant, id, hours, setUp, null);
            resources.replaceServices(tenant, id, offered.stream()
                    .filter(s -> r.serviceWeights().containsKey(s.seed().key())).map(DemoAgenda.Service::id).toList(),
                    setUp, null);
            performers.add(new DemoAgenda.Resource(id, r, hours));
        }

        List<Closure> closed = closures(tenant, today, first, setUp, performers);
        List<UUID> staff = staff();
        DemoAgenda.Agenda agenda = new DemoAgenda(now, zone, random, offered, performers, closed, staff).make();

        List<DemoAppointmentRows.Row> appointments = new ArrayList<>();
        List<DemoAppointmentRows.Step> steps = new ArrayList<>();
        List<PaymentImports.Due> dues = new ArrayList<>();
        List<PaymentImports.Paid> paid = new ArrayList<>();
        for (Booked a : agenda.appointments()) {
            appointments.add(new DemoAppointmentRows.Row(a.id(), a.reference(), a.service().id(), a.resourceId(),
                    a.service().seed().name(), a.startsAt(), a.endsAt(), a.blockedFrom(), a.blockedUntil(),
                    a.status().name(), a.customer().name(), a.customer().phone(), a.customer().email(),
                    a.customer().vehiclePlate(), a.customer().vehicleCategory(), a.choice().name(),
                    a.service().seed().price(), centre.currency(), a.source().name(), a.note(), a.cancelReason(),
                    a.reminderSentAt(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy()));
            a.history().forEach(s -> steps.add(new DemoAppointmentRows.Step(a.id(), s.status().name(), s.action(),
                    s.note(), s.at(), s.byUser(), s.byCustomer())));
            PaymentSubject subject = PaymentSubject.booking(a.id());
            boolean cancelled = a.status() == AppointmentStatus.CANCELLED;
            dues.add(new PaymentImports.Due(subject, cancelled ? BigDecimal.ZERO : a.service().seed().price(),
                    a.createdAt()));
            DemoAgenda.Payment p = a.payment();
            if (p != null) {
                paid.add(new PaymentImports.Paid(subject, p.method(), p.amount(), p.paidAt(), p.reference(),
                        p.refunded() == null ? BigDecimal.ZERO : p.refunded(), p.refundedAt(), p.refundReason()));
            }
        }
        rows.insert(tenant, appointments, steps, agenda.lastReference());
        actAsManager();
        payments.importHistory(centre.currency(), dues, paid);
        return offered.size() + " services, " + performers.size() + " resources, " + closed.size() + " closures, "
                + appointments.size() + " appointments, " + paid.size() + " payments";
    }

    /**
     * The French public holidays from the first day of the agenda to a year ahead (the whole centre), a morning of
     * maintenance of Ligne 2's brake tester in the past weeks and a training day of an inspector ahead.
     */
    private List<Closure> closures(UUID tenant, LocalDate today, LocalDate first, Instant at,
                                   List<DemoAgenda.Resource> performers) {
        List<Closure> made = new ArrayList<>();
        for (FrenchHolidays.Holiday h : FrenchHolidays.between(first, today.plusYears(1))) {
            made.add(new Closure(DemoIds.of(DemoInspectionCentre.SLUG, "closure", h.date().toString()), null,
                    h.date(), h.date(), h.name()));
        }
        UUID laneTwo = performers.get(1).id();
        LocalDate maintenance = today.minusDays(16).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        made.add(new Closure(DemoIds.of(DemoInspectionCentre.SLUG, "closure", "maintenance"), laneTwo, maintenance,
                maintenance, "Étalonnage du banc de freinage"));
        UUID nadia = performers.get(3).id();
        LocalDate training = today.plusDays(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        made.add(new Closure(DemoIds.of(DemoInspectionCentre.SLUG, "closure", "training"), nadia, training, training,
                "Formation réglementaire des contrôleurs"));
        for (Closure c : made) {
            closures.insert(tenant, c.id(), c.resourceId(), SetupRules.closure(c.startsOn(), c.endsOn(), c.label()),
                    at, null);
        }
        return made;
    }

    /** The manager and the administrator, who book on the phone, take walk-ins and mark inspections done. */
    private List<UUID> staff() {
        List<UUID> ids = new ArrayList<>();
        for (Role role : List.of(Role.MANAGER, Role.ADMIN)) {
            users.list(role, null, true, 0, 1, "email").items().stream().findFirst().map(UserView::id)
                    .ifPresent(ids::add);
        }
        return ids;
    }

    /** The payments taken at the counter are the manager's (payments' import wants PAYMENTS_RECORD). */
    private void actAsManager() {
        UserView manager = users.list(Role.MANAGER, null, true, 0, 1, "email").items().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo centre has no manager"));
        ComptoirPrincipal principal = new ComptoirPrincipal(manager.id(), null, manager.email(), manager.name(),
                Set.of(Role.MANAGER));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        SecurityContextHolder.setContext(context);
    }
}
