package app.comptoir.platform;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers and dates as every page shows them, in the reader's language and the business's time zone: the one
 * formatting helper next to {@link MoneyFormat} (amounts). Templates call it as
 * {@code ${@formats.decimal(value, #locale)}} ({@code 0,20}), {@code ${@formats.day(instant, #locale)}}
 * ({@code 6 nov. 2026}) and {@code ${@formats.dateTime(instant, #locale)}} ({@code 6 nov. 2026 10:30}); forms
 * show editable decimals with {@link #input} and read both {@code 16,90} and {@code 16.90} with
 * {@link #parseDecimal}.
 */
@Component("formats")
public class Formats {

    private final BusinessTime businessTime;

    Formats(BusinessTime businessTime) {
        this.businessTime = businessTime;
    }

    /** The number with its own decimals and the language's separators ({@code 1 234,5}); empty when absent. */
    public String decimal(Number value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        int scale = Math.max(0, number.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(number);
    }

    /** The day of the instant in the business's time zone ({@code 6 nov. 2026}). */
    public String day(Instant instant, Locale locale) {
        return instant == null ? "" : day(instant.atZone(businessTime.zone()).toLocalDate(), locale);
    }

    /** The day ({@code 6 nov. 2026}, {@code Nov 6, 2026}). */
    public String day(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale))
                .format(day);
    }

    /** The day and time of the instant in the business's time zone ({@code 6 nov. 2026 10:30}). */
    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(locale)).format(instant.atZone(businessTime.zone()));
    }

    /**
     * A decimal as an input field shows it for editing: plain (no grouping, trailing zeros of a whole number
     * dropped), with the language's decimal separator ({@code 16,90} in French); empty when absent.
     */
    public static String input(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String plain = stripped.scale() <= 0 ? stripped.setScale(0).toPlainString() : value.toPlainString();
        char separator = DecimalFormatSymbols.getInstance(locale(locale)).getDecimalSeparator();
        return separator == '.' ? plain : plain.replace('.', separator);
    }

    /**
     * A decimal as people type it, whatever the page's language: {@code 16,90}, {@code 16.90}, {@code 1 234,5}
     * (spaces, no-break spaces and apostrophes between thousands); null when blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal parseDecimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip().replaceAll("[\\s\\u00A0\\u202F']", "").replace(',', '.');
        if (!clean.matches("-?([0-9]*\\.?[0-9]+|[0-9]+\\.)")) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(clean.endsWith(".") ? clean.substring(0, clean.length() - 1) : clean);
    }

    private static Locale locale(Locale locale) {
        return locale == null ? Locale.FRENCH : locale;
    }
}
