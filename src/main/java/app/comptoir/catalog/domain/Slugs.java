package app.comptoir.catalog.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** URL-friendly product names: lower-case ASCII letters, digits and single dashes. */
public final class Slugs {

    /** A valid slug. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 120;

    private Slugs() {
    }

    /** {@code Pot « Toscane » Ø 30 cm} becomes {@code pot-toscane-o-30-cm}. */
    public static String of(String text) {
        return app.comptoir.platform.Slugs.of(text, MAX_LENGTH - 8, "produit");
    }

    /** Upper-case ASCII letters and digits of a value, for SKU suffixes ({@code Terre cuite} → {@code TERRECUITE}). */
    public static String code(String value, int maxLength) {
        String code = of(value).replace("-", "").toUpperCase(Locale.ROOT);
        return code.length() > maxLength ? code.substring(0, maxLength) : code;
    }
}
