package app.comptoir.catalog.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-friendly product names: lower-case ASCII letters, digits and single dashes. */
public final class Slugs {

    /** A valid slug. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** {@code Pot « Toscane » Ø 30 cm} becomes {@code pot-toscane-o-30-cm}. */
    public static String of(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)).replaceAll("")
                .replace("ø", "o").replace("Ø", "o").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
                .replace("ß", "ss").toLowerCase(Locale.ROOT);
        String slug = NOT_ALNUM.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - 8) {
            slug = slug.substring(0, MAX_LENGTH - 8).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "produit" : slug;
    }

    /** Upper-case ASCII letters and digits of a value, for SKU suffixes ({@code Terre cuite} → {@code TERRECUITE}). */
    public static String code(String value, int maxLength) {
        String code = of(value).replace("-", "").toUpperCase(Locale.ROOT);
        return code.length() > maxLength ? code.substring(0, maxLength) : code;
    }
}
