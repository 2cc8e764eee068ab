package app.comptoir.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The current business's calendar: its time zone, today's date there, the year of an instant there. The
 * one answer to "what day is it for this business" for every module; identity implements it from the
 * tenant's settings.
 */
public interface BusinessTime {

    /** The zone of a business whose setting is missing or not a valid zone id. */
    ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    /** The current tenant's time zone. */
    ZoneId zone();

    /** Today's date in the current tenant's time zone. */
    LocalDate today();

    /** The calendar year of the instant in the current tenant's time zone (numbering of documents). */
    default int year(Instant instant) {
        return instant.atZone(zone()).getYear();
    }

    /** The first instant of the current calendar month in the current tenant's time zone (monthly quotas). */
    default Instant monthStart() {
        return today().withDayOfMonth(1).atStartOfDay(zone()).toInstant();
    }

    /** The zone named by a setting, or {@link #DEFAULT_ZONE} when it is missing or not a zone id. */
    static ZoneId zoneOf(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(setting.strip());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
