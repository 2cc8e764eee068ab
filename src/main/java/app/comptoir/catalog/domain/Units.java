package app.comptoir.catalog.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The unit a product is sold by: a known one, or a short custom text (e.g. {@code m²}, {@code botte}). */
public final class Units {

    /** The units every tenant has. */
    public static final List<String> KNOWN = List.of("piece", "box", "kg", "litre", "bag", "pallet", "metre", "pack");
    public static final String DEFAULT = "piece";
    private static final Pattern CUSTOM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./²³%-]{0,19}");

    private Units() {
    }

    /** The unit in its stored form (known units lower-case), or null when it is not acceptable. */
    public static String normalize(String unit) {
        if (unit == null || unit.isBlank()) {
            return DEFAULT;
        }
        String trimmed = unit.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (KNOWN.contains(lower)) {
            return lower;
        }
        return CUSTOM.matcher(trimmed).matches() ? trimmed : null;
    }
}
