package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats(new BusinessTime() {
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
    void decimalsAreWrittenWithTheReadersSeparators() {
        assertThat(formats.decimal(new BigDecimal("0.20"), Locale.FRENCH)).isEqualTo("0,20");
        assertThat(formats.decimal(new BigDecimal("0.20"), Locale.ENGLISH)).isEqualTo("0.20");
        assertThat(formats.decimal(20000, Locale.FRENCH)).isEqualTo("20\u202f000");
        assertThat(formats.decimal(null, Locale.FRENCH)).isEmpty();
    }

    @Test
    void daysAndTimesAreWrittenAsTheReaderSaysThemInTheBusinesssZone() {
        Instant lateEvening = Instant.parse("2026-11-06T23:30:00Z");
        assertThat(formats.day(lateEvening, Locale.FRENCH)).isEqualTo("7 nov. 2026");
        assertThat(formats.day(LocalDate.of(2026, 11, 6), Locale.FRENCH)).isEqualTo("6 nov. 2026");
        assertThat(formats.day(LocalDate.of(2026, 11, 6), Locale.ENGLISH)).isEqualTo("Nov 6, 2026");
        assertThat(formats.dateTime(Instant.parse("2026-11-06T09:30:00Z"), Locale.FRENCH)).startsWith("6 nov. 2026")
                .endsWith("10:30");
    }

    @Test
    void inputsShowDecimalCommasInFrenchAndReadBothStyles() {
        assertThat(Formats.input(new BigDecimal("16.90"), Locale.FRENCH)).isEqualTo("16,90");
        assertThat(Formats.input(new BigDecimal("16.90"), Locale.ENGLISH)).isEqualTo("16.90");
        assertThat(Formats.input(new BigDecimal("20.00"), Locale.FRENCH)).isEqualTo("20");
        assertThat(Formats.parseDecimal("16,90")).isEqualByComparingTo("16.90");
        assertThat(Formats.parseDecimal("16.90")).isEqualByComparingTo("16.90");
        assertThat(Formats.parseDecimal("1\u202f234,5")).isEqualByComparingTo("1234.5");
        assertThat(Formats.parseDecimal(" ")).isNull();
        assertThatThrownBy(() -> Formats.parseDecimal("16,90,1")).isInstanceOf(NumberFormatException.class);
    }
}
