package app.comptoir.sales.web.pages;

/** Small rules for what the sales pages read from addresses anyone can edit. */
final class SalesText {

    private static final int MAX_QUERY = 100;

    private SalesText() {
    }

    /** A search text, trimmed and cut to a sane length, or null when there is none. */
    static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String clean = q.strip();
        return clean.length() > MAX_QUERY ? clean.substring(0, MAX_QUERY) : clean;
    }
}
