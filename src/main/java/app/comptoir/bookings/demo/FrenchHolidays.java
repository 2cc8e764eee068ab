package app.comptoir.bookings.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The French public holidays (jours fériés of metropolitan France): eight fixed dates and three that follow Easter
 * (Easter Monday, Ascension Thursday, Whit Monday). The inspection centre of the demo closes on each of them.
 */
final class FrenchHolidays {

    /** A public holiday: its date and its French name. */
    record Holiday(LocalDate date, String name) {
    }

    private static final List<Object[]> FIXED = List.of(
            new Object[] {MonthDay.of(1, 1), "Jour de l'an"},
            new Object[] {MonthDay.of(5, 1), "Fête du Travail"},
            new Object[] {MonthDay.of(5, 8), "Victoire 1945"},
            new Object[] {MonthDay.of(7, 14), "Fête nationale"},
            new Object[] {MonthDay.of(8, 15), "Assomption"},
            new Object[] {MonthDay.of(11, 1), "Toussaint"},
            new Object[] {MonthDay.of(11, 11), "Armistice 1918"},
            new Object[] {MonthDay.of(12, 25), "Noël"});

    private FrenchHolidays() {
    }

    /** The holidays from {@code from} to {@code to} (both included), in date order. */
    static List<Holiday> between(LocalDate from, LocalDate to) {
        List<Holiday> found = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Object[] fixed : FIXED) {
                found.add(new Holiday(((MonthDay) fixed[0]).atYear(year), (String) fixed[1]));
            }
            LocalDate easter = easter(year);
            found.add(new Holiday(easter.plusDays(1), "Lundi de Pâques"));
            found.add(new Holiday(easter.plusDays(39), "Ascension"));
            found.add(new Holiday(easter.plusDays(50), "Lundi de Pentecôte"));
        }
        return found.stream().filter(h -> !h.date().isBefore(from) && !h.date().isAfter(to))
                .sorted(Comparator.comparing(Holiday::date)).toList();
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
