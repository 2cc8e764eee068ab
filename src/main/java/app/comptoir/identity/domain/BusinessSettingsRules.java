package app.comptoir.identity.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import app.comptoir.platform.Currencies;
import app.comptoir.platform.InvalidInputException;

/**
 * What a business's settings may hold, the same at sign-up and in the settings page: each check returns
 * the value to store or refuses it with a field error.
 */
public final class BusinessSettingsRules {

    private BusinessSettingsRules() {
    }

    /** The business's name, trimmed: 2 to 120 characters (reported on {@code field}). */
    public static String name(String field, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.length() < 2 || trimmed.length() > 120) {
            throw InvalidInputException.field(field, "must be between 2 and 120 characters");
        }
        return trimmed;
    }

    /** A supported currency code, upper-cased. */
    public static String currency(String currency) {
        String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (!Currencies.isSupported(code)) {
            throw InvalidInputException.field("currency", "must be one of " + Currencies.SUPPORTED);
        }
        return code;
    }

    /** One of the languages of the application: {@code fr} or {@code en}. */
    public static String locale(String locale) {
        if (!"fr".equals(locale) && !"en".equals(locale)) {
            throw InvalidInputException.field("locale", "must be fr or en");
        }
        return locale;
    }

    /** The slug a business chooses, trimmed (whether another business has it is checked apart). */
    public static String slug(String slug) {
        String trimmed = slug == null ? "" : slug.trim();
        if (!TenantSlugs.VALID.matcher(trimmed).matches()) {
            throw InvalidInputException.field("slug", "must be 1 to 60 lower-case letters, digits or dashes");
        }
        return trimmed;
    }

    /** A time zone id such as {@code Europe/Paris}. */
    public static String timezone(String timezone) {
        try {
            ZoneId.of(timezone == null ? "" : timezone);
        } catch (DateTimeException e) {
            throw InvalidInputException.field("timezone", "must be a time zone such as Europe/Paris or Africa/Dakar");
        }
        return timezone;
    }

    /** The zone a new business starts with: West Africa for the CFA franc, Paris otherwise. */
    public static String defaultTimezone(String currency) {
        return "XOF".equals(currency) ? "Africa/Dakar" : "Europe/Paris";
    }
}
