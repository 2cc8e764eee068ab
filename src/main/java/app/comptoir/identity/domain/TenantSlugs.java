package app.comptoir.identity.domain;

import java.util.regex.Pattern;

import app.comptoir.platform.Slugs;

/** A business's address in URLs: its slug, lower-case ASCII letters, digits and dashes, 60 at most. */
public final class TenantSlugs {

    /** What a business may choose as its slug. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");

    private TenantSlugs() {
    }

    /** The slug proposed for a business name (50 characters at most, leaving room for a "-2" suffix). */
    public static String of(String businessName) {
        return Slugs.of(businessName, 50, "commerce");
    }
}
