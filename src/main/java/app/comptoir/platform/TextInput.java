package app.comptoir.platform;

import java.util.List;

/**
 * The one rule for text a user types, shared by the JSON API, the web forms and the CSV import: no
 * control character except tab, CR and LF (multi-line text is legitimate; a NUL is refused by
 * PostgreSQL and the others are invisible traps).
 */
public final class TextInput {

    private TextInput() {
    }

    /** Whether the text contains a control character other than tab, CR or LF. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A typed field stripped, or null when blank (an error "is required" when it must be given), too long or with a
     * control character (each adds its error to {@code errors}, so a form reports every field at once).
     */
    public static String field(String field, String value, int max, boolean required,
                               List<InvalidInputException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new InvalidInputException.FieldError(field, "is required"));
            }
            return null;
        }
        String s = value.strip();
        if (hasControlCharacter(s)) {
            errors.add(new InvalidInputException.FieldError(field, "must not contain control characters"));
            return null;
        }
        if (s.length() > max) {
            errors.add(new InvalidInputException.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return s;
    }
}
