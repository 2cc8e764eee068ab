package app.comptoir.bookings.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.comptoir.bookings.demo.DemoAgenda.Booked;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.BookingSource;
import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.OpeningInterval;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.bookings.domain.ServiceTiming;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.payments.PaymentMethod;

/**
 * The demo inspection centre's agenda is one the booking rules would have accepted, and reads as a centre's weeks:
 * checked at several starts, one of them six weeks after the October change of clocks.
 */
class DemoAgendaTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static DemoAgenda.Agenda agenda(Instant now, List<Closure> closures, List<DemoAgenda.Resource> resources,
                                            List<DemoAgenda.Service> services) {
        return new DemoAgenda(now, PARIS, new Random(DemoInspectionCentre.SLUG.hashCode()), services, resources,
                closures, List.of(UUID.nameUUIDFromBytes("manager".getBytes()),
                UUID.nameUUIDFromBytes("admin".getBytes()))).make();
    }

    private static List<DemoAgenda.Service> services() {
        return DemoInspectionCentre.SERVICES.stream().map(s -> new DemoAgenda.Service(
                DemoIds.of("test", "service", s.key()), s, ServiceTiming.ofMinutes(s.minutes(), s.before(), s.after())))
                .toList();
    }

    private static List<DemoAgenda.Resource> resources() {
        return DemoInspectionCentre.RESOURCES.stream().map(r -> new DemoAgenda.Resource(
                DemoIds.of("test", "resource", r.key()), r, WeeklyHours.check(r.hours()))).toList();
    }

    private static List<Closure> holidays(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        return FrenchHolidays.between(today.minusDays(60), today.plusDays(60)).stream()
                .map(h -> new Closure(UUID.randomUUID(), null, h.date(), h.date(), h.name())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T08:40:00Z", "2026-12-06T03:53:00Z", "2026-11-28T10:05:00Z",
            "2027-05-12T14:17:00Z", "2026-12-31T16:00:00Z"})
    void theAgendaIsOneTheBookingRulesWouldHaveAccepted(String start) {
        Instant now = Instant.parse(start);
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        List<DemoAgenda.Resource> resources = resources();
        List<DemoAgenda.Service> services = services();
        UUID nadia = resources.get(3).id();
        LocalDate training = today.plusDays(8);
        List<Closure> closures = new ArrayList<>(holidays(now));
        closures.add(new Closure(UUID.randomUUID(), nadia, training, training, "Formation"));
        DemoAgenda.Agenda agenda = agenda(now, closures, resources, services);
        List<Booked> all = agenda.appointments();

        assertThat(all).hasSizeGreaterThan(600);
        for (Booked a : all) {
            DemoAgenda.Resource resource = resources.stream().filter(r -> r.id().equals(a.resourceId())).findFirst()
                    .orElseThrow();
            LocalDateTime local = LocalDateTime.ofInstant(a.startsAt(), PARIS);
            LocalDate day = local.toLocalDate();
            // performed by its resource, on an open day, within one of the day's intervals, on the 15-minute grid
            assertThat(resource.seed().serviceWeights()).containsKey(a.service().seed().key());
            assertThat(closures).noneMatch(c -> c.closes(a.resourceId(), day));
            OpeningInterval interval = resource.hours().on(day.getDayOfWeek()).stream()
                    .filter(i -> !local.toLocalTime().isBefore(i.opens())
                            && !LocalDateTime.ofInstant(a.endsAt(), PARIS).toLocalTime().isAfter(i.closes()))
                    .findFirst().orElse(null);
            assertThat(interval).as("%s within the hours of %s", local, resource.seed().name()).isNotNull();
            assertThat(Duration.between(interval.opens(), local.toLocalTime()).toMinutes() % 15).isZero();
            assertThat(a.endsAt()).isEqualTo(a.startsAt().plus(a.service().timing().duration()));
            assertThat(a.reference()).matches("RDV-\\d{4}-\\d{6}");
            // booked before it started (a walk-in just before), never after the demo's start
            assertThat(a.createdAt()).isBefore(a.startsAt()).isBefore(now);
            assertThat(a.history()).isSortedAccordingTo(Comparator.comparing(DemoAgenda.Step::at));
            assertThat(a.history()).allSatisfy(s -> assertThat(s.at()).isBeforeOrEqualTo(now));
            assertThat(a.history().getLast().status()).isEqualTo(a.status());
            assertThat(a.customer().vehiclePlate()).isNotNull();
            assertThat(a.service().seed().categories()).contains(a.customer().vehicleCategory());
        }
        // no two appointments of a resource overlap, buffers included (cancelled ones kept their time too)
        Map<UUID, List<Booked>> byResource = all.stream().collect(Collectors.groupingBy(Booked::resourceId));
        byResource.values().forEach(list -> {
            List<Booked> sorted = list.stream().sorted(Comparator.comparing(Booked::blockedFrom)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).blockedFrom()).isAfterOrEqualTo(sorted.get(i - 1).blockedUntil());
            }
        });
        // references numbered in booking order without gaps, per year
        agenda.lastReference().forEach((year, last) -> assertThat(all.stream()
                .filter(a -> a.reference().startsWith("RDV-" + year + "-")).count()).isEqualTo((long) last));
        assertThat(all.stream().map(Booked::reference).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(Booked::id).distinct().count()).isEqualTo(all.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T08:40:00Z", "2026-12-03T15:10:00Z"})
    void pastAppointmentsAreMostlyDoneAndPaidAndUpcomingOnesConfirmed(String start) {
        Instant now = Instant.parse(start);
        List<Booked> all = agenda(now, holidays(now), resources(), services()).appointments();
        List<Booked> past = all.stream().filter(a -> !a.endsAt().isAfter(now)).toList();
        List<Booked> ahead = all.stream().filter(a -> a.startsAt().isAfter(now)).toList();

        assertThat(past.stream().filter(a -> a.status() == AppointmentStatus.COMPLETED).count())
                .isGreaterThan(past.size() * 8L / 10);
        assertThat(past).extracting(Booked::status).contains(AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED)
                .doesNotContain(AppointmentStatus.CONFIRMED, AppointmentStatus.HELD, AppointmentStatus.EXPIRED);
        // every inspection done was paid in full, by every means the counter takes and online
        assertThat(past).filteredOn(a -> a.status() == AppointmentStatus.COMPLETED).allSatisfy(a -> {
            assertThat(a.payment()).isNotNull();
            assertThat(a.payment().amount()).isEqualByComparingTo(a.service().seed().price());
            assertThat(a.payment().refunded()).isNull();
            assertThat(a.payment().paidAt()).isBeforeOrEqualTo(now);
        });
        assertThat(past).filteredOn(a -> a.status() == AppointmentStatus.COMPLETED).extracting(a -> a.payment().method())
                .contains(PaymentMethod.CARD_TERMINAL, PaymentMethod.CASH, PaymentMethod.CARD_ONLINE,
                        PaymentMethod.CHEQUE, PaymentMethod.TRANSFER);
        // online payments were made when booking; what a cancellation gave back, all of it
        assertThat(all).filteredOn(a -> a.choice() == PaymentChoice.ONLINE).allSatisfy(a -> {
            assertThat(a.payment().method()).isEqualTo(PaymentMethod.CARD_ONLINE);
            assertThat(a.payment().reference()).startsWith("pi_");
            assertThat(a.history().getFirst().action()).isEqualTo("HELD");
            assertThat(a.history().get(1).action()).isEqualTo("PAID");
        });
        assertThat(all).filteredOn(a -> a.status() == AppointmentStatus.CANCELLED && a.payment() != null)
                .isNotEmpty().allSatisfy(a -> assertThat(a.payment().refunded()).isEqualByComparingTo(a.payment().amount()));
        assertThat(all).filteredOn(a -> a.status() == AppointmentStatus.CANCELLED && a.payment() == null)
                .isNotEmpty();
        assertThat(all).filteredOn(a -> a.status() == AppointmentStatus.NO_SHOW && a.choice() == PaymentChoice.ON_SITE)
                .allSatisfy(a -> assertThat(a.payment()).isNull());
        // walk-ins and phone bookings among the customers' own
        assertThat(all).extracting(Booked::source).contains(BookingSource.WALK_IN, BookingSource.STAFF,
                BookingSource.PUBLIC);

        assertThat(ahead).hasSizeGreaterThan(60);
        assertThat(ahead).extracting(Booked::status).containsOnly(AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED);
        long paidOnline = ahead.stream().filter(a -> a.payment() != null && a.payment().refunded() == null).count();
        assertThat(paidOnline).isBetween(ahead.size() / 10L, ahead.size() / 3L);
        assertThat(ahead).filteredOn(a -> a.choice() == PaymentChoice.ON_SITE)
                .allSatisfy(a -> assertThat(a.payment()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T08:40:00Z", "2026-12-05T10:30:00Z", "2027-03-26T17:55:00Z"})
    void aheadTheLastHourOfEachDayIsFreeOnEveryLane(String start) {
        Instant now = Instant.parse(start);
        List<DemoAgenda.Resource> resources = resources();
        List<Booked> all = agenda(now, holidays(now), resources, services()).appointments();
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        for (LocalDate day = today.plusDays(1); !day.isAfter(today.plusDays(DemoAgenda.DAYS_AHEAD));
             day = day.plusDays(1)) {
            for (DemoAgenda.Resource lane : resources.subList(0, 2)) {
                List<OpeningInterval> hours = lane.hours().on(day.getDayOfWeek());
                if (hours.isEmpty()) {
                    continue;
                }
                Instant lastHour = day.atTime(hours.getLast().closes().minusHours(1)).atZone(PARIS).toInstant();
                LocalDate d = day;
                assertThat(all).filteredOn(a -> a.resourceId().equals(lane.id())
                                && LocalDate.ofInstant(a.startsAt(), PARIS).equals(d))
                        .allSatisfy(a -> assertThat(a.blockedUntil()).isBeforeOrEqualTo(lastHour));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T08:40:00Z"})
    void theSameSeedAndStartMakeTheSameAgenda(String start) {
        Instant now = Instant.parse(start);
        List<DemoAgenda.Resource> resources = resources();
        List<DemoAgenda.Service> services = services();
        List<Booked> one = agenda(now, holidays(now), resources, services).appointments();
        List<Booked> two = agenda(now, holidays(now), resources, services).appointments();
        assertThat(two).isEqualTo(one);
    }

    @org.junit.jupiter.api.Test
    void theFrenchHolidaysFollowEaster() {
        assertThat(FrenchHolidays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FrenchHolidays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(FrenchHolidays.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)))
                .extracting(FrenchHolidays.Holiday::date).containsExactly(LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 6),
                        LocalDate.of(2027, 5, 8), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 7, 14),
                        LocalDate.of(2027, 8, 15), LocalDate.of(2027, 11, 1), LocalDate.of(2027, 11, 11),
                        LocalDate.of(2027, 12, 25));
        assertThat(FrenchHolidays.between(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10)))
                .extracting(FrenchHolidays.Holiday::name).containsExactly("Noël", "Jour de l'an");
    }
}
