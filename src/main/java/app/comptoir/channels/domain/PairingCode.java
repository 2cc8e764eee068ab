package app.comptoir.channels.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-time pairing code: 8 characters of an alphabet without the look-alikes (no 0/O, 1/I), shown as
 * {@code XXXX-XXXX}; typed back case-insensitive, with or without the dash.
 */
public final class PairingCode {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairingCode() {
    }

    /** A new random code as shown, {@code K7QF-92XM}. */
    public static String generate() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The 8 characters of a typed code, upper case without the dash; empty when it cannot be a code. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().replace("-", "").toUpperCase(Locale.ROOT);
        if (code.length() != 8) {
            return Optional.empty();
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }
}
