package app.comptoir.bookings.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;

/**
 * The rules of the booking set-up, each reporting every broken field at once: services (name, duration, price in
 * the currency's decimals, buffers, vehicle categories), resources (name, kind, capacity), the business's booking
 * settings, and closures.
 */
public final class SetupRules {

    private SetupRules() {
    }

    /** A service as checked. */
    public record ServiceDefinition(String name, String description, int durationMinutes, BigDecimal price,
                                    int bufferBeforeMinutes, int bufferAfterMinutes, List<String> vehicleCategories,
                                    boolean active) {
    }

    /** A service as typed (null numbers: the defaults, 0 buffers, price 0). */
    public record ServiceInput(String name, String description, Integer durationMinutes, BigDecimal price,
                               Integer bufferBeforeMinutes, Integer bufferAfterMinutes, List<String> vehicleCategories,
                               Boolean active) {
    }

    public static ServiceDefinition service(ServiceInput in, String currency) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String name = CustomerRules.text("name", in.name(), 120, true, errors);
        String description = CustomerRules.text("description", in.description(), 1000, false, errors);
        int duration = count("durationMinutes", in.durationMinutes(), 5, 1440, null, errors);
        int before = count("bufferBeforeMinutes", in.bufferBeforeMinutes(), 0, 240, 0, errors);
        int after = count("bufferAfterMinutes", in.bufferAfterMinutes(), 0, 240, 0, errors);
        BigDecimal price = in.price() == null ? BigDecimal.ZERO : in.price();
        if (price.signum() < 0) {
            errors.add(new InvalidInputException.FieldError("price", "must be 0 or more"));
        } else if (price.compareTo(new BigDecimal("1000000")) >= 0) {
            errors.add(new InvalidInputException.FieldError("price", "is too large"));
        } else if (!Money.fitsDecimals(price, currency)) {
            int decimals = Money.decimals(currency);
            errors.add(new InvalidInputException.FieldError("price", decimals == 0
                    ? "must be a whole amount in " + currency : "must have at most " + decimals + " decimals"));
        }
        Set<String> categories = new LinkedHashSet<>();
        List<String> typed = in.vehicleCategories() == null ? List.of() : in.vehicleCategories();
        for (int i = 0; i < typed.size(); i++) {
            String c = typed.get(i) == null ? "" : typed.get(i).strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (!c.matches("[A-Z0-9]{1,10}")) {
                errors.add(new InvalidInputException.FieldError("vehicleCategories[" + i + "]",
                        "must be a category code such as M1, N1 or L (letters and digits, at most 10)"));
            } else {
                categories.add(c);
            }
        }
        if (categories.size() > 20) {
            errors.add(new InvalidInputException.FieldError("vehicleCategories", "must hold at most 20 categories"));
        }
        raise(errors);
        return new ServiceDefinition(name, description, duration, Money.round(price, currency), before, after,
                List.copyOf(categories), in.active() == null || in.active());
    }

    /** A resource as checked. */
    public record ResourceDefinition(String name, ResourceKind kind, int capacity, boolean active) {
    }

    public static ResourceDefinition resource(String name, String kind, Integer capacity, Boolean active) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String n = CustomerRules.text("name", name, 120, true, errors);
        ResourceKind k = ResourceKind.OTHER;
        if (kind != null && !kind.isBlank()) {
            try {
                k = ResourceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError("kind", "must be INSPECTOR, LANE or OTHER"));
            }
        }
        int c = count("capacity", capacity, 1, 100, 1, errors);
        raise(errors);
        return new ResourceDefinition(n, k, c, active == null || active);
    }

    /** The business's booking settings. */
    public record Settings(int slotStepMinutes, int cutoffHours, int horizonDays, int minNoticeMinutes,
                           int holdMinutes, String contactPhone, String publicNote, String whatToBring) {

        /** The settings of a business that never changed them. */
        public static Settings defaults() {
            return new Settings(15, 24, 60, 60, 15, null, null, null);
        }
    }

    /** Settings as typed: a null number keeps the default. */
    public static Settings settings(Integer step, Integer cutoff, Integer horizon, Integer notice, Integer hold,
                                    String contactPhone, String publicNote, String whatToBring) {
        Settings d = Settings.defaults();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        int s = count("slotStepMinutes", step, 5, 240, d.slotStepMinutes(), errors);
        int c = count("cutoffHours", cutoff, 0, 720, d.cutoffHours(), errors);
        int h = count("horizonDays", horizon, 1, 730, d.horizonDays(), errors);
        int n = count("minNoticeMinutes", notice, 0, 10080, d.minNoticeMinutes(), errors);
        int hm = count("holdMinutes", hold, 5, 120, d.holdMinutes(), errors);
        String phone = CustomerRules.text("contactPhone", contactPhone, 40, false, errors);
        if (phone != null && !phone.matches("[+0-9 ().\\-/]{6,40}")) {
            errors.add(new InvalidInputException.FieldError("contactPhone", "must be a phone number"));
        }
        String note = CustomerRules.text("publicNote", publicNote, 1000, false, errors);
        String bring = CustomerRules.text("whatToBring", whatToBring, 1000, false, errors);
        raise(errors);
        return new Settings(s, c, h, n, hm, phone, note, bring);
    }

    /** A closure as checked (its resource is checked by the use case). */
    public record ClosureDefinition(LocalDate startsOn, LocalDate endsOn, String label) {
    }

    public static ClosureDefinition closure(LocalDate startsOn, LocalDate endsOn, String label) {
        day("startsOn", startsOn);
        day("endsOn", endsOn);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String l = CustomerRules.text("label", label, 120, true, errors);
        if (startsOn == null) {
            errors.add(new InvalidInputException.FieldError("startsOn", "is required"));
        }
        LocalDate end = endsOn == null ? startsOn : endsOn;
        if (startsOn != null && end.isBefore(startsOn)) {
            errors.add(new InvalidInputException.FieldError("endsOn", "must not be before startsOn"));
        } else if (startsOn != null && ChronoUnit.DAYS.between(startsOn, end) > 366) {
            errors.add(new InvalidInputException.FieldError("endsOn", "must be at most a year after startsOn"));
        }
        raise(errors);
        return new ClosureDefinition(startsOn, end, l);
    }

    /** The first and last days anything of bookings may be about (further is a typing mistake, or an attack). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

    /** Refuses a day outside {@link #FIRST_DAY}..{@link #LAST_DAY} on the field; null passes. */
    public static LocalDate day(String field, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw InvalidInputException.field(field, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return day;
    }

    /** Refuses an instant outside those days (UTC) on the field; null passes. */
    public static java.time.Instant instant(String field, java.time.Instant at) {
        if (at != null && (at.isBefore(FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                || at.isAfter(LAST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))) {
            throw InvalidInputException.field(field, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return at;
    }

    private static int count(String field, Integer value, int min, int max, Integer fallback,
                             List<InvalidInputException.FieldError> errors) {
        if (value == null) {
            if (fallback == null) {
                errors.add(new InvalidInputException.FieldError(field, "is required"));
                return min;
            }
            return fallback;
        }
        if (value < min || value > max) {
            errors.add(new InvalidInputException.FieldError(field, "must be between " + min + " and " + max));
        }
        return value;
    }

    private static void raise(List<InvalidInputException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid", errors);
        }
    }
}
