package app.comptoir.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV files, read and written with Commons CSV (RFC 4180: cells quoted when they need to be, quotes
 * doubled, line breaks inside quotes). Writing defuses cells that a spreadsheet would run as formulas
 * (an apostrophe goes before them; {@link #unprotect} takes it away on reading). Reading accepts UTF-8
 * with or without a byte order mark (and Windows-1252, which older French Excel writes), detects the
 * separator (comma, semicolon or tab) and tells the line each record starts on, for error messages.
 */
public final class Csv {

    /** {@code text/csv; charset=UTF-8}. */
    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A record and the line of the file where it starts (1 for the first). */
    public record Row(int line, List<String> cells) {

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
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
    /** What a spreadsheet reads as the start of a formula (tab and carriage return included, as OWASP advises). */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");
    private static final CSVFormat DOWNLOAD = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    /** RFC 4180 (CRLF line ends) with each separator, built once: formats are immutable. */
    private static final CSVFormat[] FORMATS = {CSVFormat.RFC4180, CSVFormat.RFC4180.builder().setDelimiter(';').get(),
            CSVFormat.RFC4180.builder().setDelimiter('\t').get()};

    private Csv() {
    }

    /** One line of a download, cells separated by commas, ending with a newline. */
    public static String line(Object... cells) {
        return print(DOWNLOAD, Arrays.stream(cells).map(Csv::defuse).toArray());
    }

    /** One line of a file meant to be read back ({@link #parse}), with this separator, ending with CRLF. */
    public static String line(List<String> cells, char separator) {
        return print(format(separator), cells.stream().map(Csv::defuse).toArray());
    }

    /** A download named {@code <name>-<day>.csv}. */
    public static ResponseEntity<byte[]> attachment(String name, LocalDate day, CharSequence body) {
        return ResponseEntity.ok().contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + day + ".csv").build().toString())
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
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

    /** The separator of the first record: whichever of comma, semicolon and tab cuts it into the most cells. */
    public static char detectSeparator(String text) {
        char best = SEPARATORS[0];
        int most = 0;
        for (char separator : SEPARATORS) {
            int cells = firstRecordSize(text, separator);
            if (cells > most) {
                most = cells;
                best = separator;
            }
        }
        return best;
    }

    /**
     * The records of the text, each with the line it starts on; line breaks inside cells become
     * {@code \n}. A quote inside a cell that is not quoted is kept as typed, as spreadsheets do.
     *
     * @throws MalformedCsvException when a quoted cell is never closed or has text after its closing quote, or a
     *     cell contains a control character other than tab and line breaks
     */
    public static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        long linesBefore = 0;
        try (CSVParser parser = CSVParser.parse(text, format(separator))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, linesBefore)) {
                CSVRecord record = records.next();
                Row row = new Row((int) linesBefore + 1, record.stream().map(Csv::oneLineBreak).toList());
                if (row.cells().stream().anyMatch(TextInput::hasControlCharacter)) {
                    // A NUL would make the database refuse the whole import with a 500; say which line.
                    throw new MalformedCsvException(row.line(), "a cell contains a control character");
                }
                rows.add(row);
                linesBefore = parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Removes the apostrophe that writing puts before a formula-like text, and only that one: an apostrophe
     * the export would not have added (before a number, a letter, or in a value typed that way) is data and
     * stays, so what is written is read back exactly.
     */
    public static String unprotect(String value) {
        if (!value.isEmpty() && value.charAt(0) == '\'' && needsProtection(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    /** Whether another record follows; a record Commons CSV cannot read is reported at the line it starts on. */
    private static boolean hasNext(Iterator<CSVRecord> records, long linesBefore) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            String reason = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            throw new MalformedCsvException((int) linesBefore + 1, reason.contains("EOF")
                    ? "a quoted cell is never closed"
                    : "text after the closing quote of a cell (a quote inside a cell must be doubled and the cell quoted)");
        }
    }

    private static int firstRecordSize(String text, char separator) {
        try (CSVParser parser = CSVParser.parse(text, format(separator))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().size() : 0;
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static CSVFormat format(char separator) {
        for (int i = 0; i < SEPARATORS.length; i++) {
            if (SEPARATORS[i] == separator) {
                return FORMATS[i];
            }
        }
        return CSVFormat.RFC4180.builder().setDelimiter(separator).get();
    }

    private static String print(CSVFormat format, Object[] cells) {
        StringBuilder out = new StringBuilder();
        try {
            format.printRecord(out, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The cell with an apostrophe before a text a spreadsheet would run as a formula (numbers are left alone). */
    private static Object defuse(Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return null; // written as nothing: Commons CSV would quote an empty first cell
        }
        return needsProtection(text) ? "'" + text : text;
    }

    /**
     * Whether writing puts an apostrophe before the text: a formula-like start (not a plain number), or an
     * apostrophe before such a text (so that reading, which takes exactly one away, gives the text back).
     */
    private static boolean needsProtection(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\'') {
            start++;
        }
        if (start == text.length()) {
            return false;
        }
        String rest = text.substring(start);
        return FORMULA_START.indexOf(rest.charAt(0)) >= 0 && !NUMBER.matcher(rest).matches();
    }

    private static String oneLineBreak(String cell) {
        return cell.indexOf('\r') < 0 ? cell : cell.replace("\r\n", "\n").replace('\r', '\n');
    }
}
