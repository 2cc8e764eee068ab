package app.comptoir.bookings;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French registration plates: the current SIV format {@code AB-123-CD} (since 2009: letters without I, O and U,
 * never SS first nor 000 in the middle) and the older FNI format {@code 1234 AB 56} (one to four digits, one to
 * three letters, the département: 01 to 95, 2A, 2B, 971 to 976).
 * Typed with dashes, spaces or nothing between the groups, in any case; kept in the official spelling. Published:
 * the inspections module files vehicles under the same plates.
 */
public final class VehiclePlate {

    private static final String SIV_LETTER = "[A-HJ-NP-TV-Z]";
    private static final Pattern SIV = Pattern.compile("(" + SIV_LETTER + "{2})[- ]?([0-9]{3})[- ]?(" + SIV_LETTER + "{2})");
    private static final Pattern FNI = Pattern.compile(
            "([0-9]{1,4})[- ]?([A-Z]{1,3})[- ]?(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])");

    private VehiclePlate() {
    }

    /** The plate in its official spelling, or empty when it is in neither format. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plate = typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher siv = SIV.matcher(plate);
        if (siv.matches() && !"000".equals(siv.group(2)) && !"SS".equals(siv.group(1))) {
            return Optional.of(siv.group(1) + "-" + siv.group(2) + "-" + siv.group(3));
        }
        Matcher fni = FNI.matcher(plate);
        if (fni.matches() && !fni.group(1).chars().allMatch(c -> c == '0')) {
            return Optional.of(fni.group(1) + " " + fni.group(2) + " " + fni.group(3));
        }
        return Optional.empty();
    }
}
