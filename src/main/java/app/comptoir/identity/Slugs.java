package app.comptoir.identity;

import java.util.regex.Pattern;

/** URL-safe names: lower-case ASCII letters, digits and dashes. */
final class Slugs {

    static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");

    private Slugs() {
    }

    static String of(String text) {
        return app.comptoir.platform.Slugs.of(text, 50, "commerce");
    }
}
