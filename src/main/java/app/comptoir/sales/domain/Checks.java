package app.comptoir.sales.domain;

import java.math.BigDecimal;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;

/** Input checks shared by the sales services. */
public final class Checks {

    private Checks() {
    }

    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw InvalidInputException.field(field, "must be at most " + max + " characters");
        }
        return s;
    }

    public static String required(String field, String value, int max) {
        String s = text(field, value, max);
        if (s == null) {
            throw InvalidInputException.field(field, "is required");
        }
        return s;
    }

    public static String email(String field, String value) {
        String s = text(field, value, 200);
        if (s != null && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.field(field, "must be an e-mail address");
        }
        return s;
    }

    public static String phone(String field, String value) {
        String s = text(field, value, 40);
        if (s != null && !s.matches("[+0-9 ().\\-/]{3,40}")) {
            throw InvalidInputException.field(field, "must be a phone number (digits, spaces, + . - ( ))");
        }
        return s;
    }

    /** An amount ≥ 0 with at most the currency's decimals; null stays null. */
    public static BigDecimal amount(String field, BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw InvalidInputException.field(field, "must be 0 or more");
        }
        if (value.compareTo(new BigDecimal("1000000000")) >= 0) {
            throw InvalidInputException.field(field, "is too large");
        }
        int scale = Money.decimals(currency);
        if (value.stripTrailingZeros().scale() > scale) {
            throw InvalidInputException.field(field, scale == 0 ? "must be a whole amount in " + currency
                    : "must have at most " + scale + " decimals");
        }
        return value.setScale(scale);
    }
}
