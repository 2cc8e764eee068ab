package app.comptoir.identity.domain;

import java.util.Locale;

import app.comptoir.platform.InvalidInputException;

/** The e-mail a user signs in with: trimmed, lower-case, unique across the deployment. */
public final class LoginEmail {

    private static final int MAX_LENGTH = 254;

    private LoginEmail() {
    }

    /** The normalized address, or a field error on {@code email} when it is not an e-mail address. */
    public static String normalize(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.field("email", "must be a valid e-mail address");
        }
        return normalized;
    }
}
