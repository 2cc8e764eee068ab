package app.comptoir.storefront.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as a shop's pages show them: in the shop's time zone and the visitor's language (templates: {@code dates}). */
public record ShopDates(ZoneId zone, Locale locale) {

    /** The day ({@code 6 déc. 2026}). */
    public String day(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(zone));
    }

    /** A calendar day ({@code 6 déc. 2026}). */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    /** The day and time ({@code 6 déc. 2026, 10:30}). */
    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZone(zone));
    }
}
