package app.comptoir.inspections.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779, field E of the registration document): 17 letters and digits, never
 * I, O or Q. The ninth character is a check digit only for vehicles made for North America (world manufacturer
 * identifiers starting 1 to 5): there it is checked; European makers use the position freely.
 */
public final class Vin {

    private static final Pattern SHAPE = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String LETTER_VALUES = "A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9";

    private Vin() {
    }

    /** The VIN in capitals without spaces or dashes, or empty when it is not a valid VIN. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String vin = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!SHAPE.matcher(vin).matches()) {
            return Optional.empty();
        }
        if (checkDigitApplies(vin) && vin.charAt(8) != checkDigit(vin)) {
            return Optional.empty();
        }
        return Optional.of(vin);
    }

    /** Whether the ninth character must be the check digit (vehicles made for North America). */
    static boolean checkDigitApplies(String vin) {
        char first = vin.charAt(0);
        return first >= '1' && first <= '5';
    }

    /** The check digit of a 17-character VIN: the weighted sum of the characters' values modulo 11, 10 as X. */
    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int rest = sum % 11;
        return rest == 10 ? 'X' : (char) ('0' + rest);
    }

    private static int value(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int at = LETTER_VALUES.indexOf(c);
        return LETTER_VALUES.charAt(at + 1) - '0';
    }
}
