package app.comptoir.identity.domain;

import java.nio.charset.StandardCharsets;

import app.comptoir.platform.InvalidInputException;

/** At least 10 characters, at most 72 bytes (bcrypt's limit), and not the e-mail address. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void check(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw InvalidInputException.field(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidInputException.field(field, "must be at most " + MAX_BYTES + " bytes long");
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            throw InvalidInputException.field(field, "must not be your e-mail address");
        }
    }
}
