package app.comptoir.channels.domain;

/**
 * The colour of an account's rate badge: green while fewer than three quarters of its cap are used (under 30 of
 * 40), orange up to 95 % (30 to 37 of 40), red from there (38 of 40 and more).
 */
public enum RateBadge {
    GREEN, ORANGE, RED;

    /** The badge of {@code used} writes out of {@code limit} in the window. */
    public static RateBadge of(int used, int limit) {
        if (limit <= 0 || used * 100 >= limit * 95) {
            return RED;
        }
        return used * 4 >= limit * 3 ? ORANGE : GREEN;
    }
}
