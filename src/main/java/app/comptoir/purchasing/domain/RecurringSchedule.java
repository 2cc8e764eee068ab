package app.comptoir.purchasing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** When a recurring purchase order runs: every {@code everyWeeks} weeks on a weekday (ISO: 1 = Monday). */
public record RecurringSchedule(int everyWeeks, int dayOfWeek) {

    public RecurringSchedule {
        if (everyWeeks < 1 || everyWeeks > 52) {
            throw new IllegalArgumentException("everyWeeks must be from 1 to 52");
        }
        if (dayOfWeek < 1 || dayOfWeek > 7) {
            throw new IllegalArgumentException("dayOfWeek must be from 1 (Monday) to 7 (Sunday)");
        }
    }

    /** The first run: the weekday on or after {@code from}. */
    public LocalDate firstOnOrAfter(LocalDate from) {
        return from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(dayOfWeek)));
    }

    /**
     * The run after the one due on {@code due}, skipping the runs missed up to {@code today} (a server stopped for
     * weeks makes one draft, not one per missed week): the first date of the series after {@code today}.
     */
    public LocalDate after(LocalDate due, LocalDate today) {
        LocalDate next = due.plusWeeks(everyWeeks);
        while (!next.isAfter(today)) {
            next = next.plusWeeks(everyWeeks);
        }
        return next;
    }
}
