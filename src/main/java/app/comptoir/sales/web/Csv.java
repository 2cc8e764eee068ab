package app.comptoir.sales.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes CSV lines (RFC 4180 quoting; cells that a spreadsheet would run as formulas are defused). */
final class Csv {

    private Csv() {
    }

    static String line(Object... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\n";
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
