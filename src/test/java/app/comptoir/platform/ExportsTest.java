package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ResponseEntity;

class ExportsTest {

    private static final Exports.Table ORDERS = Exports.Table.of("orders", "export.", "number", "created_at",
            "status", "gross", "day");
    private static final Instant CREATED = Instant.parse("2026-11-06T09:30:00Z");
    private static final Consumer<Exports.Rows> ROWS = rows -> {
        rows.row("CMD-2026-000001", CREATED, Exports.code("status.", "CONFIRMED"),
                Exports.amount(new BigDecimal("16.9"), "EUR"), LocalDate.of(2026, 11, 6));
        rows.row("=HYPERLINK(\"x\")", null, Exports.code("status.", "DRAFT"), Exports.amount(new BigDecimal("1500"), "XOF"),
                null);
    };

    private final Exports exports = new Exports(messages(), new BusinessTime() {
        @Override
        public ZoneId zone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public LocalDate today() {
            return LocalDate.of(2026, 11, 6);
        }
    });

    @Test
    void aFrenchCsvHasABomSemicolonsDecimalCommasFrenchDatesAndTranslatedCodes() {
        ResponseEntity<byte[]> file = exports.download(Exports.Format.CSV, ORDERS, Locale.FRENCH, ROWS);
        String text = new String(file.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\ufeffNuméro;Créée le;Statut;Montant TTC;Jour\r\n");
        assertThat(text.lines().toList().get(1)).isEqualTo("CMD-2026-000001;06/11/2026 10:30;Confirmée;16,90;06/11/2026");
        // A formula stays defused; XOF has no decimals.
        assertThat(text.lines().toList().get(2)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\";;Brouillon;1500;");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("orders-2026-11-06.csv");
    }

    @Test
    void anEnglishCsvHasCommasDecimalPointsAndEnglishWords() {
        String text = exports.csvText(ORDERS, Locale.ENGLISH, ROWS);
        assertThat(text.lines().toList()).startsWith("Number,Created,Status,Gross amount,Day",
                "CMD-2026-000001,2026-11-06 10:30,Confirmed,16.90,2026-11-06");
    }

    @Test
    void aCsvForProgramsKeepsItsColumnsCodesAndIsoDates() {
        String text = exports.csvText(ORDERS, null, ROWS);
        assertThat(text.lines().toList()).startsWith("number,created_at,status,gross,day",
                "CMD-2026-000001,2026-11-06T09:30:00Z,CONFIRMED,16.9,2026-11-06");
    }

    @Test
    void theFrenchCsvIsReadBackWithItsDetectedSeparator() {
        String text = Csv.decode(exports.download(Exports.Format.CSV, ORDERS, Locale.FRENCH, ROWS).getBody());
        List<Csv.Row> rows = Csv.parse(text, Csv.detectSeparator(text));
        assertThat(rows.get(2).cells().stream().map(Csv::unprotect).toList())
                .containsExactly("=HYPERLINK(\"x\")", "", "Brouillon", "1500", "");
    }

    @Test
    void anExcelFileHasTheSameColumnsWithNumbersAsNumbersInTheCurrencyAndDatesAsDates() throws IOException {
        byte[] bytes = exports.download(Exports.Format.XLSX, ORDERS, Locale.FRENCH, ROWS).getBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Montant TTC");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Confirmée");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(16.90);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 \"€\"");
            assertThat(first.getCell(1).getLocalDateTimeCellValue()).isEqualTo("2026-11-06T10:30");
            assertThat(first.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-11-06");
            Row second = sheet.getRow(2);
            // Written as text, never as a formula.
            assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(second.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0 \"F CFA\"");
        }
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("export.number", Locale.FRENCH, "Numéro");
        messages.addMessage("export.created_at", Locale.FRENCH, "Créée le");
        messages.addMessage("export.status", Locale.FRENCH, "Statut");
        messages.addMessage("export.gross", Locale.FRENCH, "Montant TTC");
        messages.addMessage("export.day", Locale.FRENCH, "Jour");
        messages.addMessage("status.CONFIRMED", Locale.FRENCH, "Confirmée");
        messages.addMessage("status.DRAFT", Locale.FRENCH, "Brouillon");
        messages.addMessage("export.number", Locale.ENGLISH, "Number");
        messages.addMessage("export.created_at", Locale.ENGLISH, "Created");
        messages.addMessage("export.status", Locale.ENGLISH, "Status");
        messages.addMessage("export.gross", Locale.ENGLISH, "Gross amount");
        messages.addMessage("export.day", Locale.ENGLISH, "Day");
        messages.addMessage("status.CONFIRMED", Locale.ENGLISH, "Confirmed");
        return messages;
    }
}
