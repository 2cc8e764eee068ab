package app.comptoir.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotedCellsMayHoldSeparatorsQuotesAndLineBreaks() {
        String text = "a,b,c\r\n\"x, y\",\"il dit \"\"bonjour\"\"\",\"ligne 1\nligne 2\"\r\nlast,,\n";
        List<Csv.Row> rows = Csv.parse(text, ',');
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cells()).containsExactly("x, y", "il dit \"bonjour\"", "ligne 1\nligne 2");
        assertThat(rows.get(1).line()).isEqualTo(2);
        // The record after a multi-line cell starts on the line after it.
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).cells()).containsExactly("last", "", "");
    }

    @Test
    void theSeparatorIsDetectedFromTheHeader() {
        assertThat(Csv.detectSeparator("sku;name;price\n1,2;3;4")).isEqualTo(';');
        assertThat(Csv.detectSeparator("sku,name,price\n1;2,3,4")).isEqualTo(',');
        assertThat(Csv.detectSeparator("\"a;b\",c,d")).isEqualTo(',');
        assertThat(Csv.detectSeparator("sku\tname")).isEqualTo('\t');
    }

    @Test
    void utf8WithAByteOrderMarkAndWindows1252AreRead() {
        byte[] bom = ("\ufeffnom\nSécateur").getBytes(StandardCharsets.UTF_8);
        assertThat(Csv.decode(bom)).isEqualTo("nom\nSécateur");
        byte[] excel = "nom\nSécateur".getBytes(Charset.forName("windows-1252"));
        assertThat(Csv.decode(excel)).isEqualTo("nom\nSécateur");
    }

    @Test
    void malformedQuotesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,b\nc,d\n", ','))
                .isInstanceOf(Csv.MalformedCsvException.class)
                .satisfies(e -> assertThat(((Csv.MalformedCsvException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> Csv.parse("a,b\nab\"c,d\n", ',')).isInstanceOf(Csv.MalformedCsvException.class);
    }

    @Test
    void writingQuotesOnlyWhatNeedsItAndProtectsFormulas() {
        assertThat(Csv.line(List.of("plain", "a,b", "say \"hi\"", "two\nlines", ""), ','))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        assertThat(Csv.line(List.of("a,b"), ';')).isEqualTo("a,b\r\n");
        assertThat(Csv.cell("=HYPERLINK(\"x\")", ',')).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-20% sur tout", ',')).isEqualTo("'-20% sur tout");
        assertThat(Csv.cell("-12.5", ',')).isEqualTo("-12.5");
        assertThat(Csv.unprotect("'=1+1")).isEqualTo("=1+1");
        assertThat(Csv.unprotect("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void whatIsWrittenIsReadBack() {
        List<String> cells = List.of("Pot « Toscane »", "a;b", "x \"y\"", "l1\r\nl2", " spaced ", "=SUM(A1)", "");
        String line = Csv.line(cells, ';');
        List<String> read = Csv.parse(line, ';').getFirst().cells().stream().map(Csv::unprotect).toList();
        assertThat(read).containsExactly("Pot « Toscane »", "a;b", "x \"y\"", "l1\nl2", " spaced ", "=SUM(A1)", "");
    }

    @Test
    void decimalsAreReadAsPeopleTypeThem() {
        assertThat(ProductCsv.parseDecimal("12,50")).isEqualByComparingTo("12.50");
        assertThat(ProductCsv.parseDecimal("1 234,5")).isEqualByComparingTo("1234.5");
        assertThat(ProductCsv.parseDecimal("1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(ProductCsv.parseDecimal("5.5%")).isEqualByComparingTo("5.5");
        assertThat(ProductCsv.parseDecimal("12 500 €")).isEqualByComparingTo("12500");
        assertThat(ProductCsv.parseDecimal(" ")).isNull();
        assertThatThrownBy(() -> ProductCsv.parseDecimal("douze")).isInstanceOf(NumberFormatException.class);
    }
}
