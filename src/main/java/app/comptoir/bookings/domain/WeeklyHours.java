package app.comptoir.bookings.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.comptoir.platform.InvalidInputException;

/**
 * A resource's weekly opening hours: for each weekday, its opening intervals in local time, in order. The gaps
 * between a day's intervals are its breaks (8:00–12:00 and 13:30–18:00: lunch from 12:00 to 13:30); a weekday
 * without interval is closed.
 */
public final class WeeklyHours {

    private final Map<DayOfWeek, List<OpeningInterval>> days;

    private WeeklyHours(Map<DayOfWeek, List<OpeningInterval>> days) {
        this.days = days;
    }

    /** One interval as typed: the weekday (ISO, 1 = Monday) and the times ({@code 08:00}). */
    public record Entry(Integer weekday, String opensAt, String closesAt) {
    }

    /** Hours already checked (as stored). */
    public static WeeklyHours of(Map<DayOfWeek, List<OpeningInterval>> intervals) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        intervals.forEach((day, list) -> days.put(day, list.stream()
                .sorted(Comparator.comparing(OpeningInterval::opens)).toList()));
        return new WeeklyHours(days);
    }

    /** Nothing open. */
    public static WeeklyHours closed() {
        return new WeeklyHours(new EnumMap<>(DayOfWeek.class));
    }

    /**
     * The hours typed, every broken entry reported at once ({@code hours[i].weekday}, {@code hours[i].opensAt},
     * {@code hours[i].closesAt}): a weekday from 1 to 7, times as {@code HH:mm}, opening before closing, and no two
     * intervals of a weekday overlapping.
     */
    public static WeeklyHours check(List<Entry> entries) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        Map<OpeningInterval, Integer> positions = new java.util.HashMap<>();
        List<Entry> list = entries == null ? List.of() : entries;
        for (int i = 0; i < list.size(); i++) {
            Entry e = list.get(i);
            String field = "hours[" + i + "]";
            if (e == null) {
                errors.add(new InvalidInputException.FieldError(field, "is required"));
                continue;
            }
            if (e.weekday() == null || e.weekday() < 1 || e.weekday() > 7) {
                errors.add(new InvalidInputException.FieldError(field + ".weekday", "must be between 1 and 7"));
            }
            LocalTime opens = time(e.opensAt(), field + ".opensAt", errors);
            LocalTime closes = time(e.closesAt(), field + ".closesAt", errors);
            if (opens == null || closes == null || e.weekday() == null || e.weekday() < 1 || e.weekday() > 7) {
                continue;
            }
            if (!opens.isBefore(closes)) {
                errors.add(new InvalidInputException.FieldError(field + ".closesAt", "must be after the opening time"));
                continue;
            }
            OpeningInterval interval = new OpeningInterval(opens, closes);
            List<OpeningInterval> day = days.computeIfAbsent(DayOfWeek.of(e.weekday()), d -> new ArrayList<>());
            OpeningInterval clash = day.stream().filter(interval::overlaps).findFirst().orElse(null);
            if (clash != null) {
                errors.add(new InvalidInputException.FieldError(field + ".opensAt",
                        "overlaps hours[" + positions.get(clash) + "] of the same day"));
                continue;
            }
            day.add(interval);
            positions.put(interval, i);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        return of(days);
    }

    private static LocalTime time(String typed, String field, List<InvalidInputException.FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            errors.add(new InvalidInputException.FieldError(field, "is required"));
            return null;
        }
        try {
            return LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInputException.FieldError(field, "must be a time such as 08:30"));
            return null;
        }
    }

    /** The day's intervals, in order (empty: closed that weekday). */
    public List<OpeningInterval> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Every interval, Monday first. */
    public Map<DayOfWeek, List<OpeningInterval>> days() {
        return Map.copyOf(days);
    }

    /** Whether no weekday has an interval. */
    public boolean isClosed() {
        return days.values().stream().allMatch(List::isEmpty);
    }
}
