package app.comptoir.sales.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The order list's date range and driver, as typed in its address: {@code from} and {@code to} are days of the
 * business (both included), {@code driver} a user id. A value that does not read is kept as typed and flagged
 * for the error next to its field, and does not filter.
 *
 * @param from     the first day, or null
 * @param to       the last day, or null
 * @param driverId the driver, or null
 * @param fromText what was typed as the first day (for the field)
 * @param toText   what was typed as the last day (for the field)
 * @param zone     the business's time zone, where its days start
 */
record OrderListFilters(LocalDate from, LocalDate to, UUID driverId, String fromText, String toText, ZoneId zone) {

    static OrderListFilters read(String from, String to, String driver, ZoneId zone) {
        UUID driverId;
        try {
            driverId = driver == null || driver.isBlank() ? null : UUID.fromString(driver.strip());
        } catch (IllegalArgumentException e) {
            driverId = null;
        }
        return new OrderListFilters(day(from), day(to), driverId, clean(from), clean(to), zone);
    }

    /** Whether the first day was typed but does not read as a date. */
    public boolean fromInvalid() {
        return fromText != null && from == null;
    }

    /** Whether the last day was typed but does not read as a date, or comes before the first. */
    public boolean toInvalid() {
        return toText != null && (to == null || (from != null && to.isBefore(from)));
    }

    /** The start of the first day, inclusive. */
    Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The start of the day after the last one, exclusive; none when the range is upside down. */
    Instant end() {
        return to == null || toInvalid() ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether any of these filters is set (the list then offers to clear them). */
    public boolean any() {
        return from != null || to != null || driverId != null;
    }

    /** The list's address with these filters, for the paging and the status tabs. */
    UriComponentsBuilder addTo(UriComponentsBuilder base) {
        if (from != null) {
            base.queryParam("from", from);
        }
        if (to != null) {
            base.queryParam("to", to);
        }
        if (driverId != null) {
            base.queryParam("driver", driverId);
        }
        return base;
    }

    private static LocalDate day(String text) {
        String s = clean(text);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip().substring(0, Math.min(text.strip().length(), 20));
    }
}
