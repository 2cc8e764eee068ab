package app.comptoir.sales.domain;

import java.time.LocalDate;

import app.comptoir.platform.InvalidInputException;

/**
 * "A quote is valid from today up to two years ahead", in the business's calendar: a date in the past would
 * make a quote born expired, and a price promise beyond two years is a mistake rather than an offer.
 */
public final class QuoteValidity {

    /** Days a quote stays valid when no date is given. */
    public static final int DEFAULT_DAYS = 30;

    private QuoteValidity() {
    }

    /** The validity date given, or the default from today; refused (field {@code validUntil}) outside the range. */
    public static LocalDate until(LocalDate requested, LocalDate today) {
        LocalDate date = requested == null ? today.plusDays(DEFAULT_DAYS) : requested;
        check(date, today);
        return date;
    }

    public static void check(LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            throw InvalidInputException.field("validUntil", "must be today or later");
        }
        if (date.isAfter(today.plusYears(2))) {
            throw InvalidInputException.field("validUntil", "must be within two years");
        }
    }
}
