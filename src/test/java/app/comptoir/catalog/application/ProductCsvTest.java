package app.comptoir.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductCsvTest {

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
