package app.comptoir.catalog.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader and writer: quoted cells with doubled quotes, separators and line
 * breaks inside quotes, CRLF or LF line ends. Reading accepts UTF-8 with or without a byte order
 * mark (and falls back to Windows-1252, which older French Excel writes), and detects the separator
 * from the header line: comma, semicolon (French Excel) or tab.
 */
public final class Csv {

    /** A record and the line of the file where it starts (1 for the header). */
    public record Row(int line, List<String> cells) {

        public boolean blank() {
            return cells.stream().allMatch(c -> c.isBlank());
        }
    }

    /** A file that is not valid CSV, at a given line. */
    public static final class MalformedCsvException extends RuntimeException {

        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final String FORMULA_START = "=+-@\t\r";

    private Csv() {
    }

    /** Decodes the bytes: UTF-8 (byte order mark removed) or, when they are not valid UTF-8, Windows-1252. */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
        }
    }

    /** The separator used by the first line: the most frequent of comma, semicolon and tab outside quotes. */
    public static char detectSeparator(String text) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    if (c == SEPARATORS[s]) {
                        counts[s]++;
                    }
                }
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            if (counts[s] > counts[best]) {
                best = s;
            }
        }
        return SEPARATORS[best];
    }

    /** The records of the text, each with the line it starts on. */
    public static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\r') {
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cell.append('\n');
                    line++;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !cellWasQuoted) {
                quoted = true;
                cellWasQuoted = true;
                quoteStart = line;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new Row(rowStart, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                cellWasQuoted = false;
                line++;
                rowStart = line;
            } else if (c == '"') {
                throw new MalformedCsvException(line, "unexpected quote in a cell that is not quoted"
                        + " (a quote inside a cell must be doubled and the cell quoted)");
            } else {
                if (cellWasQuoted && !Character.isWhitespace(c)) {
                    throw new MalformedCsvException(line, "text after the closing quote of a cell");
                }
                if (!cellWasQuoted) {
                    cell.append(c);
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(quoteStart, "a quoted cell is never closed");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowStart, List.copyOf(cells)));
        }
        return rows;
    }

    /** One line of CSV (ending with CRLF) with the cells quoted when they need to be. */
    public static String line(List<String> cells, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(cells.get(i), separator));
        }
        return out.append("\r\n").toString();
    }

    /**
     * A cell as written: quoted when it holds a separator, quote, line break or surrounding spaces.
     * A text that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @})
     * is prefixed with an apostrophe, which {@link #unprotect} removes on import.
     */
    static String cell(String value, char separator) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_START.indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Removes the apostrophe that {@link #cell} puts before a formula-like text. */
    public static String unprotect(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?[0-9]+([.,][0-9]+)?");
    }
}
