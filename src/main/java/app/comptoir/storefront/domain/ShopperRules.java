package app.comptoir.storefront.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TextInput;

/**
 * What a shopper may write on their account, checked at once so that every wrong field is reported together: a
 * name (1 to 120 characters), an optional phone (digits, spaces, {@code + . - ( ) /}, 3 to 40 characters) and the
 * language of their e-mails ({@code fr} or {@code en}).
 */
public final class ShopperRules {

    public static final int MAX_NAME = 120;

    /** The checked profile: name and phone stripped (phone null when blank), language in lower case. */
    public record Profile(String name, String phone, String locale) {
    }

    private ShopperRules() {
    }

    public static Profile profile(String name, String phone, String locale) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            errors.add(new InvalidInputException.FieldError("name", "must be between 1 and 120 characters"));
        } else if (TextInput.hasControlCharacter(n)) {
            errors.add(new InvalidInputException.FieldError("name", "must not contain control characters"));
        }
        String p = phone == null || phone.isBlank() ? null : phone.strip();
        if (p != null && !p.matches("[+0-9 ().\\-/]{3,40}")) {
            errors.add(new InvalidInputException.FieldError("phone", "must be a phone number (digits, spaces, + . - ( ))"));
        }
        String l = locale == null || locale.isBlank() ? "fr" : locale.strip().toLowerCase(Locale.ROOT);
        if (!l.equals("fr") && !l.equals("en")) {
            errors.add(new InvalidInputException.FieldError("locale", "must be fr or en"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        return new Profile(n, p, l);
    }
}
