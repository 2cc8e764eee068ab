package app.comptoir.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Every table download, as CSV or Excel, from the same rows: a page or an endpoint gives the column names and
 * feeds the rows once ({@link Rows#row}), this writes them in the asked format. A file for people (a language
 * given) has translated column names and codes ("Confirmée" rather than {@code CONFIRMED}), and in CSV a
 * byte order mark (so that Excel reads UTF-8), semicolons and decimal commas in French, dates as the
 * business writes them in its time zone; in Excel, numbers are numbers (amounts in the currency's format) and
 * dates are dates. A file for programs (no language: the API's default) keeps the column names, codes, ISO
 * dates and decimal points it always had, so that scripts reading it do not break.
 */
@Component
public class Exports {

    /** {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}. */
    public static final MediaType XLSX_TYPE =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** Rows kept in memory while an Excel file is written; older ones go to a temporary file. */
    private static final int WINDOW = 200;
    private static final int MAX_CELL = 32_767;

    /** The two formats of a download. */
    public enum Format {
        CSV, XLSX;

        /** The format the request's path ends with ({@code .xlsx}, else CSV). */
        public static Format of(HttpServletRequest request) {
            return request.getRequestURI().endsWith(".xlsx") ? XLSX : CSV;
        }

        /** The format a parameter names ({@code csv} or {@code xlsx}; CSV when absent). */
        public static Format named(String format) {
            if (format == null || format.isBlank()) {
                return CSV;
            }
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw InvalidInputException.field("format", "must be csv or xlsx");
            };
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An amount in a currency: rounded to its decimals, a currency cell in Excel. */
    public record Amount(BigDecimal value, String currency) {
    }

    /** A code (status, movement type, role) that a file for people shows translated: message {@code prefix + value}. */
    public record Code(String prefix, String value) {
    }

    /** Where the rows go. */
    @FunctionalInterface
    public interface Rows {

        /** One line; cells are texts, numbers, {@link Amount}s, {@link Code}s, {@link Instant}s, {@link LocalDate}s or null. */
        void row(Object... cells);
    }

    /**
     * A download: its file name (without day nor extension), the message prefix of its column names (null: the
     * names stay as they are, for a file that an import reads back), the columns.
     */
    public record Table(String name, String headerPrefix, List<String> columns) {

        public static Table of(String name, String headerPrefix, String... columns) {
            return new Table(name, headerPrefix, List.of(columns));
        }
    }

    private final MessageSource messages;
    private final BusinessTime businessTime;

    Exports(MessageSource messages, BusinessTime businessTime) {
        this.messages = messages;
        this.businessTime = businessTime;
    }

    /** A {@link Code} cell, or null when there is no value. */
    public static Code code(String prefix, Object value) {
        return value == null ? null : new Code(prefix, value.toString());
    }

    /** An {@link Amount} cell, or null when there is no value. */
    public static Amount amount(BigDecimal value, String currency) {
        return value == null ? null : new Amount(value, currency);
    }

    /**
     * The table as an attachment named {@code <name>-<today>.<csv|xlsx>}; {@code locale} null writes the file for
     * programs, else for people reading that language.
     */
    public ResponseEntity<byte[]> download(Format format, Table table, Locale locale, Consumer<Rows> body) {
        return download(format, table, locale, businessTime.today(), body);
    }

    /** The same, with the day the file name carries (the end of a report's period). */
    public ResponseEntity<byte[]> download(Format format, Table table, Locale locale, LocalDate day,
                                           Consumer<Rows> body) {
        byte[] bytes = format == Format.XLSX ? xlsx(table, locale, body) : csv(table, locale, body);
        return ResponseEntity.ok().contentType(format == Format.XLSX ? XLSX_TYPE : Csv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.name() + "-" + day + "." + format.extension()).build().toString())
                .body(bytes);
    }

    /**
     * The table as the file of a background export ({@link Jobs#startFile}): the bytes and the name
     * {@link #download} would give.
     */
    public Jobs.File file(Format format, Table table, Locale locale, Consumer<Rows> body) {
        byte[] bytes = format == Format.XLSX ? xlsx(table, locale, body) : csv(table, locale, body);
        return new Jobs.File(table.name() + "-" + businessTime.today() + "." + format.extension(), bytes);
    }

    /**
     * Every item of a paged list, page after page ({@code size} a page), reporting the total from the first page
     * and each item written to a background job's progress ({@link JobProgress#NONE} for a direct download).
     */
    public static <T> void eachPage(IntFunction<PageResponse<T>> pages, int size, JobProgress progress,
                                    Consumer<T> each) {
        int written = 0;
        for (int page = 0; ; page++) {
            PageResponse<T> p = pages.apply(page);
            if (page == 0) {
                progress.total((int) Math.min(Integer.MAX_VALUE, p.total()));
            }
            for (T item : p.items()) {
                each.accept(item);
                progress.done(++written);
            }
            if ((long) (page + 1) * size >= p.total() || p.items().isEmpty()) {
                return;
            }
        }
    }

    /** The language of a file for people asked by an API parameter ({@code fr}, {@code en}), or null for programs. */
    public static Locale language(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default -> throw InvalidInputException.field("lang", "must be fr or en");
        };
    }

    /** The CSV text (without byte order mark) of the table: what {@link #download} writes for CSV. */
    public String csvText(Table table, Locale locale, Consumer<Rows> body) {
        StringBuilder out = new StringBuilder();
        if (locale == null) {
            out.append(Csv.line(table.columns().toArray()));
            body.accept(cells -> out.append(Csv.line(java.util.Arrays.stream(cells).map(Exports::raw).toArray())));
            return out.toString();
        }
        char separator = separator(locale);
        out.append(Csv.line(headers(table, locale), separator));
        Texts texts = new Texts(locale, businessTime.zone());
        body.accept(cells -> {
            List<String> line = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                line.add(texts.text(cell));
            }
            out.append(Csv.line(line, separator));
        });
        return out.toString();
    }

    /** The separator of a CSV file for people reading the language: French Excel expects semicolons. */
    public static char separator(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
    }

    private byte[] csv(Table table, Locale locale, Consumer<Rows> body) {
        String text = csvText(table, locale, body);
        return (locale == null ? text : "\ufeff" + text).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] xlsx(Table table, Locale locale, Consumer<Rows> body) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            Sheet sheet = workbook.createSheet(sheetName(table.name()));
            Styles styles = new Styles(workbook, language);
            Row header = sheet.createRow(0);
            List<String> names = locale == null ? table.columns() : headers(table, locale);
            for (int i = 0; i < names.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(names.get(i));
                cell.setCellStyle(styles.header);
            }
            sheet.createFreezePane(0, 1);
            ZoneId zone = businessTime.zone();
            int[] next = {1};
            body.accept(cells -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.length; i++) {
                    write(row.createCell(i), cells[i], styles, locale, zone);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Cell cell, Object value, Styles styles, Locale locale, ZoneId zone) {
        switch (value) {
            case null -> cell.setBlank();
            case Amount a -> {
                cell.setCellValue(a.value().setScale(Money.decimals(a.currency()), RoundingMode.HALF_UP).doubleValue());
                cell.setCellStyle(styles.amount(a.currency()));
            }
            case BigDecimal d -> {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(styles.decimal);
            }
            case Number n -> cell.setCellValue(n.doubleValue());
            case Instant t -> {
                cell.setCellValue(t.atZone(zone).toLocalDateTime());
                cell.setCellStyle(styles.dateTime);
            }
            case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            }
            case Boolean b -> cell.setCellValue(b);
            case Code c -> cell.setCellValue(locale == null ? c.value() : translate(c, locale));
            default -> {
                String text = value.toString();
                cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
            }
        }
    }

    private List<String> headers(Table table, Locale locale) {
        if (table.headerPrefix() == null) {
            return table.columns();
        }
        return table.columns().stream()
                .map(c -> messages.getMessage(table.headerPrefix() + c, null, c, locale)).toList();
    }

    private String translate(Code code, Locale locale) {
        return messages.getMessage(code.prefix() + code.value(), null, code.value(), locale);
    }

    /** A cell as a program reads it: the code itself, the amount as computed. */
    private static Object raw(Object cell) {
        return switch (cell) {
            case Code c -> c.value();
            case Amount a -> a.value();
            case null, default -> cell;
        };
    }

    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", "-");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /** Cells as text for people: decimal separator, dates and codes of the language. */
    private final class Texts {

        private final Locale locale;
        private final ZoneId zone;
        private final char decimalSeparator;
        private final DateTimeFormatter date;
        private final DateTimeFormatter dateTime;

        Texts(Locale locale, ZoneId zone) {
            this.locale = locale;
            this.zone = zone;
            this.decimalSeparator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
            boolean dayFirst = decimalSeparator == ',';
            this.date = DateTimeFormatter.ofPattern(dayFirst ? "dd/MM/yyyy" : "yyyy-MM-dd");
            this.dateTime = DateTimeFormatter.ofPattern(dayFirst ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm");
        }

        String text(Object value) {
            return switch (value) {
                case null -> "";
                case Amount a -> decimal(a.value().setScale(Money.decimals(a.currency()), RoundingMode.HALF_UP));
                case BigDecimal d -> decimal(d);
                case Double d -> decimal(BigDecimal.valueOf(d));
                case Float f -> decimal(BigDecimal.valueOf(f));
                case Instant t -> dateTime.format(t.atZone(zone));
                case LocalDate d -> date.format(d);
                case Code c -> translate(c, locale);
                default -> value.toString();
            };
        }

        private String decimal(BigDecimal value) {
            String plain = value.toPlainString();
            return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
        }
    }

    /** The cell styles of one workbook, made once each (a workbook holds at most 64 000 styles). */
    private static final class Styles {

        private final SXSSFWorkbook workbook;
        private final Locale locale;
        private final CellStyle header;
        private final CellStyle decimal;
        private final CellStyle date;
        private final CellStyle dateTime;
        private final Map<String, CellStyle> amounts = new HashMap<>();

        Styles(SXSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            decimal = format("#,##0.###");
            boolean dayFirst = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
            date = format(dayFirst ? "dd/mm/yyyy" : "yyyy-mm-dd");
            dateTime = format(dayFirst ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm");
        }

        CellStyle amount(String currencyCode) {
            return amounts.computeIfAbsent(currencyCode == null ? "EUR" : currencyCode, code -> {
                int decimals = Money.decimals(code);
                String number = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
                String symbol = symbol(code).replace("\"", "");
                boolean after = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
                return format(after ? number + " \"" + symbol + "\"" : "\"" + symbol + "\"" + number);
            });
        }

        private String symbol(String code) {
            if ("XOF".equalsIgnoreCase(code)) {
                return "F CFA";
            }
            try {
                return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getSymbol(locale);
            } catch (IllegalArgumentException e) {
                return code;
            }
        }

        private CellStyle format(String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
