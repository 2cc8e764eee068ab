package app.comptoir.platform;

/**
 * The one rule for text a user types, shared by the JSON API, the web forms and the CSV import: no
 * control character except tab, CR and LF (multi-line text is legitimate; a NUL is refused by
 * PostgreSQL and the others are invisible traps).
 */
public final class TextInput {

    private TextInput() {
    }

    /** Whether the text contains a control character other than tab, CR or LF. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }
}
