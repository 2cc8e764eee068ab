package app.comptoir.bookings.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The free slots of a service on a day, in the business's time zone.
 *
 * <p>Slots start every {@code step} from each opening time of the resource's weekday (8:00, 8:15, ... and again
 * from 13:30 after a break); the service itself must end by the interval's closing time (its buffers may reach
 * outside the opening hours, they only keep other appointments away). A slot is free on a resource that is not
 * closed that day (closure of the business or of the resource) and whose capacity takes the slot's occupied time
 * (start less the buffer before, end plus the buffer after) beside the appointments it already has. Slots
 * starting before {@code earliest} (now plus the minimum notice) or on a day after {@code lastDay} (the booking
 * horizon) are left out.
 *
 * <p>Daylight saving time: slots are local wall-clock times turned into instants with the zone's rules. A local
 * time that does not exist that day (Paris, last Sunday of March, 2:00 to 3:00) gives no slot; a local time that
 * happens twice (last Sunday of October, 2:00 to 3:00) gives one slot, at its first occurrence, so the customer
 * never sees the same time twice. Durations are real time: a 60-minute slot starting at 1:30 on the March night
 * ends at 3:30 local time.
 */
public final class FreeSlots {

    /** The rules of the business for a computation: its zone, the step between slots, the notice and horizon. */
    public record Rules(ZoneId zone, Duration step, Instant earliest, LocalDate lastDay) {
    }

    private FreeSlots() {
    }

    /** The free slots of the day, in time order, each with its free resources in the order of {@code resources}. */
    public static List<Slot> on(LocalDate day, ServiceTiming timing, List<ResourceCalendar> resources,
                                List<Closure> closures, Rules rules) {
        if (rules.lastDay() != null && day.isAfter(rules.lastDay())) {
            return List.of();
        }
        Map<Instant, SlotBuilder> slots = new TreeMap<>();
        for (ResourceCalendar resource : resources) {
            if (closures.stream().anyMatch(c -> c.closes(resource.resourceId(), day))) {
                continue;
            }
            for (OpeningInterval interval : resource.hours().on(day.getDayOfWeek())) {
                Instant closes = instant(day.atTime(interval.closes()), rules.zone());
                long closeSecond = interval.closes().toSecondOfDay();
                long duration = timing.duration().toSeconds();
                for (long second = interval.opens().toSecondOfDay(); second + duration <= closeSecond;
                     second += rules.step().toSeconds()) {
                    LocalDateTime local = day.atStartOfDay().plusSeconds(second);
                    List<ZoneOffset> offsets = rules.zone().getRules().getValidOffsets(local);
                    if (offsets.isEmpty()) {
                        continue; // a time the clocks skip
                    }
                    Instant start = local.toInstant(offsets.getFirst());
                    Instant end = start.plus(timing.duration());
                    if (end.isAfter(closes) || (rules.earliest() != null && start.isBefore(rules.earliest()))) {
                        continue;
                    }
                    Occupancy occupied = timing.occupancy(start);
                    if (Capacity.fits(resource.booked(), occupied.from(), occupied.until(), resource.capacity())) {
                        slots.computeIfAbsent(start, s -> new SlotBuilder(start, end, local))
                                .resources.add(resource.resourceId());
                    }
                }
            }
        }
        List<Slot> result = new ArrayList<>();
        slots.values().forEach(b -> result.add(new Slot(b.start, b.end, b.local, b.resources)));
        return result;
    }

    /** Which days from {@code from} to {@code to} (both included) have at least one free slot, day by day. */
    public static Map<LocalDate, Integer> countByDay(LocalDate from, LocalDate to, ServiceTiming timing,
                                                     List<ResourceCalendar> resources, List<Closure> closures,
                                                     Rules rules) {
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, on(d, timing, resources, closures, rules).size());
        }
        return days;
    }

    /** The start of the local day (midnight, or the first instant of the day when midnight is skipped). */
    public static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A local time as an instant: its first occurrence when it happens twice, shifted later when skipped. */
    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static final class SlotBuilder {
        final Instant start;
        final Instant end;
        final LocalDateTime local;
        final List<UUID> resources = new ArrayList<>();

        SlotBuilder(Instant start, Instant end, LocalDateTime local) {
            this.start = start;
            this.end = end;
            this.local = local;
        }
    }
}
