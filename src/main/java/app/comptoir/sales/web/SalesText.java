package app.comptoir.sales.web;

/** Small rules for what the sales pages read from addresses anyone can edit. */
final class SalesText {

    /** The constant named by a filter (any case), or null: an unknown value in an address means no filter. */
    static <E extends Enum<E>> E status(Class<E> type, String name) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    /** A list's address with its filters, for the pagination links. */
    static org.springframework.web.util.UriComponentsBuilder base(String path, Enum<?> status, String query) {
        org.springframework.web.util.UriComponentsBuilder base = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        if (status != null) {
            base.queryParam("status", status.name());
        }
        if (query != null) {
            base.queryParam("q", query);
        }
        return base;
    }

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
