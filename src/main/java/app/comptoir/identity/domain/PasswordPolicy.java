package app.comptoir.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import app.comptoir.platform.InvalidInputException;

/**
 * 10 to 128 characters, not the e-mail address, not one of the 10,000 most common passwords (whatever
 * the case, and also with digits or symbols added before or after, as in {@code password123}), and not
 * one repeated or sequential pattern ({@code aaaaaaaaaa}, {@code 1234567890}, {@code qwertyuiop}).
 * Long passphrases are welcome: passwords are hashed with Argon2id, which has no length cap.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** The shipped list (see the resource's header for its source and licence). */
    private static final Set<String> COMMON = load("/identity/common-passwords.txt");

    /** Keyboard rows and the alphabet, forwards; a password inside one (or its reverse) is a walk, not a secret. */
    private static final String[] SEQUENCES = {
            "abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop",
            "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
            "!@#$%^&*()", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn"};

    private PasswordPolicy() {
    }

    public static void check(String field, String password, String email) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw InvalidInputException.field(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw InvalidInputException.field(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            throw InvalidInputException.field(field, "must not be your e-mail address");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            throw InvalidInputException.field(field, "is one of the most common passwords; choose another");
        }
        if (isRepeated(lower) || isSequence(lower)) {
            throw InvalidInputException.field(field, "is a repeated or sequential pattern; choose another");
        }
    }

    /** The password is in the list, or is once the symbols, or the digits and symbols, around it are removed. */
    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String withoutSymbols = lower.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
        String letters = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        return COMMON.contains(withoutSymbols) || letters.length() >= 4 && COMMON.contains(letters);
    }

    /** The whole password is one unit said again and again: {@code aaaaaaaaaa}, {@code abcabcabcabc}. */
    static boolean isRepeated(String lower) {
        int[] cps = lower.codePoints().toArray();
        for (int unit = 1; unit <= cps.length / 2; unit++) {
            if (cps.length % unit != 0) {
                continue;
            }
            boolean repeats = true;
            for (int i = unit; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** The password walks one step at a time: up or down the alphabet or the digits, or along a keyboard row. */
    static boolean isSequence(String lower) {
        int[] cps = lower.codePoints().toArray();
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < cps.length; i++) {
            up &= cps[i] == cps[i - 1] + 1 || (cps[i - 1] == '9' && cps[i] == '0');
            down &= cps[i] == cps[i - 1] - 1 || (cps[i - 1] == '0' && cps[i] == '9');
        }
        if (up || down) {
            return true;
        }
        String reversed = new StringBuilder(lower).reverse().toString();
        for (String sequence : SEQUENCES) {
            if (sequence.contains(lower) || sequence.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Set<String> passwords = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .forEach(passwords::add);
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
