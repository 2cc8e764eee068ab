package app.comptoir.platform;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV exports: RFC 4180 lines (cells that a spreadsheet would run as formulas are defused) and the download. */
public final class Csv {

    /** {@code text/csv; charset=UTF-8}. */
    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    /** One line, cells separated by commas, ending with a newline. */
    public static String line(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }

    /** A download named {@code <name>-<day>.csv}. */
    public static ResponseEntity<byte[]> attachment(String name, LocalDate day, CharSequence body) {
        return ResponseEntity.ok().contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + day + ".csv").build().toString())
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
