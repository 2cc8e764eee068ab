package app.comptoir.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FreeSlotsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");
    private static final UUID LANE_1 = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID LANE_2 = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final ServiceTiming THIRTY = ServiceTiming.ofMinutes(30, 0, 0);
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    private static WeeklyHours hours(DayOfWeek day, String... times) {
        List<OpeningInterval> intervals = new java.util.ArrayList<>();
        for (int i = 0; i < times.length; i += 2) {
            intervals.add(new OpeningInterval(LocalTime.parse(times[i]), LocalTime.parse(times[i + 1])));
        }
        return WeeklyHours.of(Map.of(day, intervals));
    }

    private static FreeSlots.Rules rules(ZoneId zone, int step) {
        return new FreeSlots.Rules(zone, Duration.ofMinutes(step), null, null);
    }

    private static List<String> localTimes(List<Slot> slots) {
        return slots.stream().map(s -> s.localStart().toLocalTime().toString()).toList();
    }

    @Test
    void slotsStartEveryStepFromEachOpeningTimeAndSkipTheBreak() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1,
                hours(DayOfWeek.MONDAY, "08:00", "09:00", "13:30", "14:30"), List.of());

        List<Slot> slots = FreeSlots.on(MONDAY, THIRTY, List.of(lane), List.of(), rules(PARIS, 15));

        assertThat(localTimes(slots)).containsExactly("08:00", "08:15", "08:30", "13:30", "13:45", "14:00");
        assertThat(slots.getFirst().start()).isEqualTo(Instant.parse("2026-06-15T06:00:00Z"));
        assertThat(slots.getFirst().end()).isEqualTo(Instant.parse("2026-06-15T06:30:00Z"));
        assertThat(slots.getFirst().resources()).containsExactly(LANE_1);
    }

    @Test
    void aClosedWeekdayAndAClosureOfTheBusinessOrOfTheResourceGiveNoSlot() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.MONDAY, "08:00", "10:00"), List.of());
        ResourceCalendar other = new ResourceCalendar(LANE_2, 1, hours(DayOfWeek.MONDAY, "08:00", "10:00"), List.of());

        assertThat(FreeSlots.on(MONDAY.plusDays(1), THIRTY, List.of(lane), List.of(), rules(PARIS, 30))).isEmpty();
        Closure holiday = new Closure(UUID.randomUUID(), null, MONDAY, MONDAY, "Férié");
        assertThat(FreeSlots.on(MONDAY, THIRTY, List.of(lane, other), List.of(holiday), rules(PARIS, 30))).isEmpty();
        Closure training = new Closure(UUID.randomUUID(), LANE_1, MONDAY.minusDays(2), MONDAY, "Formation");
        List<Slot> slots = FreeSlots.on(MONDAY, THIRTY, List.of(lane, other), List.of(training), rules(PARIS, 30));
        assertThat(slots).hasSize(4).allSatisfy(s -> assertThat(s.resources()).containsExactly(LANE_2));
    }

    @Test
    void anAppointmentAndTheBuffersKeepTheNeighbouringSlotsBusy() {
        ServiceTiming withBuffers = ServiceTiming.ofMinutes(30, 10, 10);
        // booked 9:00-9:30 with its buffers: 8:50-9:40
        Occupancy booked = withBuffers.occupancy(Instant.parse("2026-06-15T07:00:00Z"));
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.MONDAY, "08:00", "10:30"),
                List.of(booked));

        List<Slot> slots = FreeSlots.on(MONDAY, withBuffers, List.of(lane), List.of(), rules(PARIS, 10));

        // 8:10-8:40 (+10 = 8:50) fits; 8:20 would end its buffer at 9:00 > 8:50; 9:50 starts its buffer at 9:40
        assertThat(localTimes(slots)).containsExactly("08:00", "08:10", "09:50", "10:00");
    }

    @Test
    void aResourceOfCapacityTwoTakesTwoAppointmentsAtOnceNotThree() {
        Occupancy nine = THIRTY.occupancy(Instant.parse("2026-06-15T07:00:00Z"));
        WeeklyHours h = hours(DayOfWeek.MONDAY, "09:00", "10:00");

        List<Slot> one = FreeSlots.on(MONDAY, THIRTY, List.of(new ResourceCalendar(LANE_1, 2, h, List.of(nine))),
                List.of(), rules(PARIS, 30));
        List<Slot> two = FreeSlots.on(MONDAY, THIRTY, List.of(new ResourceCalendar(LANE_1, 2, h, List.of(nine, nine))),
                List.of(), rules(PARIS, 30));

        assertThat(localTimes(one)).containsExactly("09:00", "09:30");
        assertThat(localTimes(two)).containsExactly("09:30");
    }

    @Test
    void twoResourcesFreeAtOnceMakeOneSlotNamingBoth() {
        WeeklyHours h = hours(DayOfWeek.MONDAY, "09:00", "09:30");
        List<Slot> slots = FreeSlots.on(MONDAY, THIRTY, List.of(new ResourceCalendar(LANE_2, 1, h, List.of()),
                new ResourceCalendar(LANE_1, 1, h, List.of())), List.of(), rules(PARIS, 15));

        assertThat(slots).singleElement().satisfies(s -> assertThat(s.resources()).containsExactly(LANE_2, LANE_1));
    }

    @Test
    void theNoticeAndTheHorizonLimitWhatCanBeBooked() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.MONDAY, "08:00", "10:00"), List.of());
        FreeSlots.Rules rules = new FreeSlots.Rules(PARIS, Duration.ofMinutes(30),
                Instant.parse("2026-06-15T07:00:00Z"), MONDAY);

        assertThat(localTimes(FreeSlots.on(MONDAY, THIRTY, List.of(lane), List.of(), rules)))
                .containsExactly("09:00", "09:30");
        assertThat(FreeSlots.on(MONDAY.plusWeeks(1), THIRTY, List.of(lane), List.of(), rules)).isEmpty();
    }

    @Test
    void theSundayTheClocksGoForwardHasNoSlotAtTheTimesThatDoNotExist() {
        LocalDate spring = LocalDate.of(2026, 3, 29); // last Sunday of March: 2:00 becomes 3:00 in Paris
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.SUNDAY, "01:00", "04:00"), List.of());

        List<Slot> slots = FreeSlots.on(spring, THIRTY, List.of(lane), List.of(), rules(PARIS, 30));

        assertThat(localTimes(slots)).containsExactly("01:00", "01:30", "03:00", "03:30");
        assertThat(slots.get(1).start()).isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(slots.get(1).end()).isEqualTo(slots.get(2).start()); // 1:30 + 30 min is 3:00 local
    }

    @Test
    void theDayAfterTheClocksGoForwardItsMorningSlotsAreAnHourEarlierInUtc() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1,
                WeeklyHours.of(Map.of(DayOfWeek.SATURDAY, List.of(interval("08:00", "08:30")),
                        DayOfWeek.SUNDAY, List.of(interval("08:00", "08:30")))), List.of());

        Slot saturday = FreeSlots.on(LocalDate.of(2026, 3, 28), THIRTY, List.of(lane), List.of(), rules(PARIS, 30))
                .getFirst();
        Slot sunday = FreeSlots.on(LocalDate.of(2026, 3, 29), THIRTY, List.of(lane), List.of(), rules(PARIS, 30))
                .getFirst();

        assertThat(saturday.start()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(sunday.start()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void theSundayTheClocksGoBackShowsTheRepeatedTimesOnce() {
        LocalDate autumn = LocalDate.of(2026, 10, 25); // last Sunday of October: 3:00 becomes 2:00 again in Paris
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.SUNDAY, "01:00", "04:00"), List.of());

        List<Slot> slots = FreeSlots.on(autumn, THIRTY, List.of(lane), List.of(), rules(PARIS, 30));

        assertThat(localTimes(slots)).containsExactly("01:00", "01:30", "02:00", "02:30", "03:00", "03:30")
                .doesNotHaveDuplicates();
        assertThat(slots.stream().map(Slot::start).distinct()).hasSize(6);
        // 2:00 is its first occurrence (summer time, UTC+2); 3:00 is winter time (UTC+1)
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(slots.get(4).start()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void dakarHasNoDaylightSavingTimeItsSlotsAreUtc() {
        ResourceCalendar inspector = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.SUNDAY, "01:00", "04:00"),
                List.of());

        List<Slot> slots = FreeSlots.on(LocalDate.of(2026, 3, 29), ServiceTiming.ofMinutes(60, 0, 0),
                List.of(inspector), List.of(), rules(DAKAR, 60));

        assertThat(localTimes(slots)).containsExactly("01:00", "02:00", "03:00");
        assertThat(slots.get(1).start()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void theServiceMustEndByTheClosingTime() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.MONDAY, "08:00", "09:10"), List.of());

        assertThat(localTimes(FreeSlots.on(MONDAY, ServiceTiming.ofMinutes(45, 0, 30), List.of(lane), List.of(),
                rules(PARIS, 15)))).containsExactly("08:00", "08:15");
    }

    @Test
    void daysAreCountedForTheWeekStrip() {
        ResourceCalendar lane = new ResourceCalendar(LANE_1, 1, hours(DayOfWeek.MONDAY, "08:00", "09:00"), List.of());

        Map<LocalDate, Integer> week = FreeSlots.countByDay(MONDAY, MONDAY.plusDays(6), THIRTY, List.of(lane),
                List.of(), rules(PARIS, 30));

        assertThat(week).hasSize(7).containsEntry(MONDAY, 2).containsEntry(MONDAY.plusDays(1), 0);
    }

    @Test
    void capacityCountsOnlyAppointmentsThatOverlapEachOther() {
        Instant nine = Instant.parse("2026-06-15T09:00:00Z");
        Occupancy a = new Occupancy(nine, nine.plus(Duration.ofHours(1)));
        Occupancy b = new Occupancy(nine.plus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2)));

        assertThat(Capacity.mostAtOnce(List.of(a, b), nine.plus(Duration.ofMinutes(30)),
                nine.plus(Duration.ofMinutes(90)))).isEqualTo(1);
        assertThat(Capacity.fits(List.of(a, a), nine, nine.plus(Duration.ofMinutes(30)), 2)).isFalse();
        assertThat(Capacity.fits(List.of(a, b), nine.plus(Duration.ofMinutes(30)), nine.plus(Duration.ofMinutes(90)), 2))
                .isTrue();
    }

    private static OpeningInterval interval(String opens, String closes) {
        return new OpeningInterval(LocalTime.parse(opens), LocalTime.parse(closes));
    }
}
