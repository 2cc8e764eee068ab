package app.comptoir.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-friendly names for every module: lower-case ASCII letters, digits and single inner dashes. */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * {@code Pot « Toscane » Ø 30 cm} becomes {@code pot-toscane-o-30-cm}: accents dropped, letters with
     * no decomposition spelt out (ß → ss, œ → oe), cut to {@code maxLength} without a trailing dash, and
     * {@code fallback} when nothing Latin is left.
     */
    public static String of(String text, int maxLength, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)).replaceAll("")
                .replace("ø", "o").replace("Ø", "o").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
                .replace("Æ", "ae").replace("ß", "ss").toLowerCase(Locale.ROOT);
        String slug = NOT_ALNUM.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
