package app.comptoir.purchasing.application;

import java.math.BigDecimal;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.TextInput;

/** Checks of what users type into purchasing: lengths, control characters, e-mail, phone, amounts, counts. */
final class InputChecks {

    private InputChecks() {
    }

    /** The text stripped, null when blank; too long or holding a control character is a field error. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (TextInput.hasControlCharacter(s)) {
            throw InvalidInputException.field(field, "must not contain control characters");
        }
        if (s.length() > max) {
            throw InvalidInputException.field(field, "must be at most " + max + " characters");
        }
        return s;
    }

    static String required(String field, String value, int max) {
        String s = text(field, value, max);
        if (s == null) {
            throw InvalidInputException.field(field, "is required");
        }
        return s;
    }

    static String email(String field, String value) {
        String s = text(field, value, 254);
        if (s != null && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.field(field, "must be an e-mail address");
        }
        return s;
    }

    static String phone(String field, String value) {
        String s = text(field, value, 40);
        if (s != null && !s.matches("[+0-9 ().\\-/]{3,40}")) {
            throw InvalidInputException.field(field, "must be a phone number (digits, spaces, + . - ( ))");
        }
        return s;
    }

    /** An amount ≥ 0 with at most the currency's decimals, at its scale; null stays null. */
    static BigDecimal amount(String field, BigDecimal value, String currency) {
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

    /** A count between min and max; null gives the fallback. */
    static int count(String field, Integer value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw InvalidInputException.field(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
