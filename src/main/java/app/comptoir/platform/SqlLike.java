package app.comptoir.platform;

/**
 * Patterns for SQL {@code LIKE} from what a user typed, with the wildcards {@code %} and {@code _} and the
 * escape character {@code \} (PostgreSQL's default) escaped, so a search for {@code 50%} finds "50%" only.
 */
public final class SqlLike {

    private SqlLike() {
    }

    /** The text with {@code \}, {@code %} and {@code _} escaped. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching values that contain the text. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    /** A pattern matching values that start with the text. */
    public static String startsWith(String text) {
        return escape(text) + "%";
    }
}
