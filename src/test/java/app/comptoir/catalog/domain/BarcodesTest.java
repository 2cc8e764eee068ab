package app.comptoir.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BarcodesTest {

    @Test
    void ean13UpcAAndEan8CheckDigitsAreVerified() {
        assertThat(Barcodes.isValid("4006381333931")).isTrue(); // EAN-13
        assertThat(Barcodes.isValid("4006381333932")).isFalse();
        assertThat(Barcodes.isValid("036000291452")).isTrue(); // UPC-A
        assertThat(Barcodes.isValid("036000291453")).isFalse();
        assertThat(Barcodes.isValid("73513537")).isTrue(); // EAN-8
        assertThat(Barcodes.isValid("73513538")).isFalse();
    }

    @Test
    void otherLengthsAndNonDigitsAreRefused() {
        assertThat(Barcodes.isValid("12345")).isFalse();
        assertThat(Barcodes.isValid("40063813339A1")).isFalse();
        assertThat(Barcodes.isValid("")).isFalse();
        assertThat(Barcodes.isValid(null)).isFalse();
    }

    @Test
    void aCheckDigitCanBeComputed() {
        assertThat(Barcodes.withCheckDigit("400638133393")).isEqualTo("4006381333931");
        assertThat(Barcodes.withCheckDigit("03600029145")).isEqualTo("036000291452");
    }
}
