package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.FreeSlots;
import app.comptoir.bookings.domain.Occupancy;
import app.comptoir.bookings.domain.ResourceCalendar;
import app.comptoir.bookings.domain.SetupRules.Settings;
import app.comptoir.bookings.domain.Slot;
import app.comptoir.bookings.persistence.AppointmentStore;
import app.comptoir.bookings.persistence.BookingSettingsStore;
import app.comptoir.bookings.persistence.ClosureStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.platform.BusinessTime;

/**
 * The free slots of a service, read from the set-up and the appointments and computed by {@link FreeSlots} in the
 * business's zone. For a customer ({@link Audience#CUSTOMER}) slots start after the minimum notice and end at the
 * booking horizon; staff ({@link Audience#STAFF}) see every future slot. No permission check: the public page and
 * the staff pages both read it, each after its own check.
 */
@Service
@Transactional(readOnly = true)
public class SlotQueries {

    /** Who looks: a customer (notice and horizon apply) or staff. */
    public enum Audience { CUSTOMER, STAFF }

    private static final int STAFF_HORIZON_DAYS = 730;

    private final ResourceStore resources;
    private final ClosureStore closures;
    private final AppointmentStore appointments;
    private final BookingSettingsStore settings;
    private final BookingActor actor;
    private final BusinessTime businessTime;
    private final Clock clock;

    SlotQueries(ResourceStore resources, ClosureStore closures, AppointmentStore appointments,
                 BookingSettingsStore settings, BookingActor actor, BusinessTime businessTime, Clock clock) {
        this.resources = resources;
        this.closures = closures;
        this.appointments = appointments;
        this.settings = settings;
        this.actor = actor;
        this.businessTime = businessTime;
        this.clock = clock;
    }

    /** The business's settings (defaults until changed). */
    public Settings settings() {
        return settings.find(actor.tenant()).orElseGet(Settings::defaults);
    }

    /** The active resources performing the service, narrowed to one when {@code resourceId} is given. */
    public List<ResourceView> performers(UUID serviceId, UUID resourceId) {
        List<ResourceView> all = resources.performing(actor.tenant(), serviceId);
        return resourceId == null ? all : all.stream().filter(r -> r.id().equals(resourceId)).toList();
    }

    /** The free slots of the service on the day (leaving out one appointment, the one being moved, when given). */
    public List<Slot> slots(ServiceView service, LocalDate day, UUID resourceId, Audience audience, UUID except) {
        return compute(service, day, day, performers(service.id(), resourceId), audience, except, false, clock.instant())
                .getFirst();
    }

    /**
     * The slots of the day where the service could be booked if nothing were booked yet: the opening hours,
     * closures, notice and horizon only (a start outside them is not a slot at all, whereas a start among them
     * that is taken is a slot someone else has).
     */
    public List<Slot> openSlots(ServiceView service, LocalDate day, List<ResourceView> performers, Audience audience) {
        return compute(service, day, day, performers, audience, null, true, clock.instant()).getFirst();
    }

    /** How many free slots each day from {@code from} to {@code to} has (the week strip). */
    public Map<LocalDate, Integer> days(ServiceView service, LocalDate from, LocalDate to, Audience audience) {
        List<List<Slot>> perDay = compute(service, from, to, performers(service.id(), null), audience, null, false,
                clock.instant());
        Map<LocalDate, Integer> counts = new java.util.LinkedHashMap<>();
        LocalDate d = from;
        for (List<Slot> slots : perDay) {
            counts.put(d, slots.size());
            d = d.plusDays(1);
        }
        return counts;
    }

    /** The next free slots after {@code after}, at most {@code max}, looking two weeks ahead. */
    public List<Slot> next(ServiceView service, Instant after, int max, Audience audience, UUID except) {
        ZoneId zone = businessTime.zone();
        LocalDate from = after.atZone(zone).toLocalDate();
        List<Slot> found = new ArrayList<>();
        for (List<Slot> day : compute(service, from, from.plusDays(13), performers(service.id(), null), audience,
                except, false, clock.instant())) {
            for (Slot s : day) {
                if (s.start().isAfter(after) && found.size() < max) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /** The rules of a computation for the audience as of {@code now}. */
    public FreeSlots.Rules rules(Audience audience, Instant now) {
        Settings s = settings();
        ZoneId zone = businessTime.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        return audience == Audience.CUSTOMER
                ? new FreeSlots.Rules(zone, Duration.ofMinutes(s.slotStepMinutes()),
                        now.plus(Duration.ofMinutes(s.minNoticeMinutes())), today.plusDays(s.horizonDays()))
                : new FreeSlots.Rules(zone, Duration.ofMinutes(s.slotStepMinutes()), now,
                        today.plusDays(STAFF_HORIZON_DAYS));
    }

    private List<List<Slot>> compute(ServiceView service, LocalDate from, LocalDate to, List<ResourceView> performers,
                                     Audience audience, UUID except, boolean ignoreBookings, Instant now) {
        ZoneId zone = businessTime.zone();
        FreeSlots.Rules rules = rules(audience, now);
        UUID tenant = actor.tenant();
        List<Closure> closed = closures.between(tenant, from, to);
        // A day's appointments may start the day before (buffers, night hours): read a day around.
        Instant windowFrom = FreeSlots.startOfDay(from.minusDays(1), zone);
        Instant windowTo = FreeSlots.startOfDay(to.plusDays(2), zone);
        Map<UUID, List<Occupancy>> booked = ignoreBookings ? Map.of()
                : appointments.occupancy(tenant, performers.stream().map(ResourceView::id).toList(), windowFrom,
                windowTo, now, except);
        List<ResourceCalendar> calendars = performers.stream().map(r -> new ResourceCalendar(r.id(), r.capacity(),
                ResourceStore.weekly(r), booked.getOrDefault(r.id(), List.of()))).toList();
        List<List<Slot>> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            result.add(FreeSlots.on(d, service.timing(), calendars, closed, rules));
        }
        return result;
    }
}
