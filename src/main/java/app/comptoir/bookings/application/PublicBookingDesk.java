package app.comptoir.bookings.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.BookingDesk;
import app.comptoir.bookings.persistence.ClosureStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/**
 * The booking page's facts for its visitors ({@link BookingDesk}): the page's own use cases ({@link PublicBookings})
 * for the business, services and slots, and the resources' hours and closures read under the business's tenant.
 */
@Service
class PublicBookingDesk implements BookingDesk {

    private static final int NEXT_DAYS = 31;

    private final PublicBookings bookings;
    private final ResourceStore resources;
    private final ClosureStore closures;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    PublicBookingDesk(PublicBookings bookings, ResourceStore resources, ClosureStore closures,
                      Tenants tenants, TenantContext tenantContext, PlatformTransactionManager txManager) {
        this.bookings = bookings;
        this.resources = resources;
        this.closures = closures;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setReadOnly(true);
    }

    @Override
    public Optional<Business> business(String slug) {
        PublicBookings.BookingPage page;
        try {
            page = bookings.page(slug);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        String locale = tenants.bySlug(page.slug()).map(t -> t.locale()).orElse("fr");
        return Optional.of(new Business(page.tenantId(), page.slug(), page.name(), page.zone(), page.currency(),
                locale, page.contactPhone(), page.publicNote(), page.whatToBring(), page.horizonDays(), page.testMode()));
    }

    @Override
    public List<Service> services(String slug) {
        return bookings.services(slug).stream().map(s -> new Service(s.id(), s.name(), s.description(),
                s.durationMinutes(), s.price(), s.currency())).toList();
    }

    @Override
    public OpeningHours openingHours(String slug) {
        PublicBookings.BookingPage page = bookings.page(slug);
        LocalDate today = bookings.today(slug);
        UUID tenant = page.tenantId();
        return tenantContext.callAs(tenant, () -> tx.execute(s -> {
            List<ResourceView> open = resources.list(tenant, true);
            Map<UUID, String> names = resources.names(tenant);
            List<Resource> shown = open.stream().map(r -> new Resource(r.name(), r.hours().stream()
                    .map(h -> new Interval(h.weekday(), h.opensAt(), h.closesAt())).toList())).toList();
            List<Closure> closed = closures.from(tenant, today).stream()
                    .filter(c -> !c.startsOn().isAfter(today.plusDays(page.horizonDays())))
                    .map(c -> new Closure(c.resourceId() == null ? null : names.get(c.resourceId()), c.startsOn(),
                            c.endsOn(), c.label()))
                    .limit(30).toList();
            return new OpeningHours(page.zone(), today, shown, closed);
        }));
    }

    @Override
    public List<FreeSlot> freeSlots(String slug, UUID serviceId, LocalDate day) {
        PublicBookings.Day found = bookings.slots(slug, serviceId, day);
        return found.slots().stream().map(s -> slot(slug, serviceId, s)).toList();
    }

    @Override
    public List<FreeSlot> nextFreeSlots(String slug, UUID serviceId, int max) {
        int wanted = Math.max(1, Math.min(max, 20));
        LocalDate today = bookings.today(slug);
        List<FreeSlot> found = new ArrayList<>();
        Map<LocalDate, Integer> days = bookings.week(slug, serviceId, today, NEXT_DAYS);
        for (Map.Entry<LocalDate, Integer> day : new java.util.TreeMap<>(days).entrySet()) {
            if (day.getValue() == null || day.getValue() <= 0) {
                continue;
            }
            for (SlotView s : bookings.slots(slug, serviceId, day.getKey()).slots()) {
                if (found.size() >= wanted) {
                    return found;
                }
                found.add(slot(slug, serviceId, s));
            }
        }
        return found;
    }

    private static FreeSlot slot(String slug, UUID serviceId, SlotView s) {
        return new FreeSlot(s.day(), s.time(), s.start(), "/book/" + slug + "/services/" + serviceId + "?day="
                + s.day());
    }
}
