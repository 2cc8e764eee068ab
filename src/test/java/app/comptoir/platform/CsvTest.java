package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void aControlCharacterInACellIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Csv.parse("sku,name\nA,ok\nB,th\u00e9\u0000vert\n", ','))
                .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("control character");
        assertThat(Csv.parse("sku\tname\nA\t\"deux\nlignes\"\n", '\t')).hasSize(2);
    }

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
        assertThat(Csv.detectSeparator("sku\n")).isEqualTo(',');
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
                .isInstanceOf(Csv.MalformedCsvException.class).hasMessageContaining("never closed")
                .satisfies(e -> assertThat(((Csv.MalformedCsvException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> Csv.parse("a,b\nc,d\n\"ab\"c,d\n", ','))
                .isInstanceOf(Csv.MalformedCsvException.class).hasMessageContaining("after the closing quote")
                .satisfies(e -> assertThat(((Csv.MalformedCsvException) e).line()).isEqualTo(3));
    }

    @Test
    void aQuoteInsideACellThatIsNotQuotedIsKeptAsTyped() {
        // As spreadsheets read it: a pot of 30" is a pot of 30".
        assertThat(Csv.parse("a,b\nPot 30\",d\n", ',').get(1).cells()).containsExactly("Pot 30\"", "d");
    }

    @Test
    void writingQuotesOnlyWhatNeedsItAndProtectsFormulas() {
        assertThat(Csv.line(List.of("plain", "a,b", "say \"hi\"", "two\nlines", ""), ','))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        assertThat(Csv.line(List.of("a,b"), ';')).isEqualTo("a,b\r\n");
        assertThat(Csv.line(List.of("=HYPERLINK(\"x\")"), ',')).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        assertThat(Csv.line(List.of("-20% sur tout", "-12.5"), ',')).isEqualTo("'-20% sur tout,-12.5\r\n");
        assertThat(Csv.unprotect("'=1+1")).isEqualTo("=1+1");
        assertThat(Csv.unprotect("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void readingTakesAwayOnlyTheApostropheThatWritingAdded() {
        // The export never puts an apostrophe before a number: one typed there is data.
        assertThat(Csv.unprotect("'-12.5")).isEqualTo("'-12.5");
        assertThat(Csv.unprotect("'12")).isEqualTo("'12");
        assertThat(Csv.unprotect("'")).isEqualTo("'");
        List<String> cells = List.of("'=1+1", "''+x", "'-12.5", "'quoted", "'", "-20 %", "@x", "\tindent", "-3");
        for (char separator : new char[] {',', ';', '\t'}) {
            String line = Csv.line(cells, separator);
            assertThat(Csv.parse(line, separator).getFirst().cells().stream().map(Csv::unprotect).toList())
                    .as("separator %s", separator).containsExactlyElementsOf(cells);
        }
    }

    @Test
    void downloadLinesEndWithANewlineAndLeaveNumbersAlone() {
        assertThat(Csv.line("Pot, 30 cm", 3, new BigDecimal("-12.50"), null, "@SUM(A1)"))
                .isEqualTo("\"Pot, 30 cm\",3,-12.50,,'@SUM(A1)\n");
        assertThat(Csv.line("", "x")).isEqualTo(",x\n");
    }

    @Test
    void whatIsWrittenIsReadBack() {
        List<String> cells = List.of("Pot « Toscane »", "a;b", "x \"y\"", "l1\r\nl2", " spaced ", "=SUM(A1)", "");
        String line = Csv.line(cells, ';');
        List<String> read = Csv.parse(line, ';').getFirst().cells().stream().map(Csv::unprotect).toList();
        assertThat(read).containsExactly("Pot « Toscane »", "a;b", "x \"y\"", "l1\nl2", " spaced ", "=SUM(A1)", "");
    }
}
