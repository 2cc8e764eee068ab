package app.comptoir.purchasing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.Money;
import app.comptoir.platform.TextInput;

/**
 * What a registered supplier publishes on the marketplace, checked before anything is stored: a catalog item
 * (name, category, price, unit, minimum quantity, available stock) and the commercial profile (company,
 * description, city, delivery zones, categories, minimum order, delivery days, phone, e-mail). Every broken
 * field is reported at once (a 400 problem listing them).
 */
public final class SupplierOfferRules {

    private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LIST = 30;

    private SupplierOfferRules() {
    }

    /** A catalog item as the supplier sells it. */
    public record ProductSpec(String name, String category, String description, BigDecimal price, String unit,
                              int minQuantity, Integer availableStock, boolean available) {
    }

    /** The supplier's commercial profile (the platform alone sets {@code verified}). */
    public record ProfileSpec(String company, String description, String city, List<String> deliveryZones,
                              List<String> categories, BigDecimal minimumOrder, Integer averageDeliveryDays,
                              String phone, String email) {
    }

    /** The normalised item, or a 400 problem listing every field in error; prices in the currency's decimals. */
    public static ProductSpec product(String name, String category, String description, BigDecimal price, String unit,
                                      Integer minQuantity, Integer availableStock, Boolean available, String currency) {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = text(errors, "name", name, 200, true);
        String cleanCategory = text(errors, "category", category, 100, false);
        String cleanDescription = text(errors, "description", description, 4000, false);
        String cleanUnit = text(errors, "unit", unit, 30, false);
        money(errors, "price", price, currency, true);
        int min = minQuantity == null ? 1 : minQuantity;
        if (min < 1 || min > 1_000_000) {
            errors.add(new FieldError("minQuantity", "must be between 1 and 1000000"));
        }
        if (availableStock != null && (availableStock < 0 || availableStock > 1_000_000_000)) {
            errors.add(new FieldError("availableStock", "must be 0 or more"));
        }
        check(errors);
        return new ProductSpec(cleanName, cleanCategory, cleanDescription, price, cleanUnit == null ? "unité" : cleanUnit,
                min, availableStock, available == null || available);
    }

    /** The normalised profile, or a 400 problem listing every field in error. */
    public static ProfileSpec profile(String company, String description, String city, List<String> deliveryZones,
                                      List<String> categories, BigDecimal minimumOrder, Integer averageDeliveryDays,
                                      String phone, String email, String currency) {
        List<FieldError> errors = new ArrayList<>();
        String cleanCompany = text(errors, "company", company, 160, true);
        String cleanDescription = text(errors, "description", description, 4000, false);
        String cleanCity = text(errors, "city", city, 100, false);
        List<String> zones = list(errors, "deliveryZones", deliveryZones);
        List<String> cats = list(errors, "categories", categories);
        money(errors, "minimumOrder", minimumOrder, currency, false);
        if (averageDeliveryDays != null && (averageDeliveryDays < 0 || averageDeliveryDays > 365)) {
            errors.add(new FieldError("averageDeliveryDays", "must be between 0 and 365"));
        }
        String cleanPhone = text(errors, "phone", phone, 40, false);
        String cleanEmail = text(errors, "email", email, 254, false);
        if (cleanEmail != null && !EMAIL.matcher(cleanEmail).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        check(errors);
        return new ProfileSpec(cleanCompany, cleanDescription, cleanCity, zones, cats,
                minimumOrder == null ? BigDecimal.ZERO : minimumOrder, averageDeliveryDays, cleanPhone,
                cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT));
    }

    /** Splits a comma-separated entry (a form field) into the values of a list. */
    public static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1 ? errors.getFirst().field() + ": "
                    + errors.getFirst().message() : "Some fields are invalid", errors);
        }
    }

    private static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (clean.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (TextInput.hasControlCharacter(clean)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return clean;
    }

    private static void money(List<FieldError> errors, String field, BigDecimal amount, String currency,
                              boolean required) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_MONEY) > 0) {
            errors.add(new FieldError(field, "must be between 0 and " + MAX_MONEY.toPlainString()));
        } else if (!Money.fitsDecimals(amount, currency)) {
            errors.add(new FieldError(field, "must have at most " + Money.decimals(currency) + " decimals in " + currency));
        }
    }

    private static List<String> list(List<FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String value : values) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (v.length() > 100 || TextInput.hasControlCharacter(v)) {
                errors.add(new FieldError(field, "each entry must be at most 100 characters, without control characters"));
                return List.of();
            }
            clean.add(v);
        }
        if (clean.size() > MAX_LIST) {
            errors.add(new FieldError(field, "must have at most " + MAX_LIST + " entries"));
        }
        return List.copyOf(clean);
    }
}
