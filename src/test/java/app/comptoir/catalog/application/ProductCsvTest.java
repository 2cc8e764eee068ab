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

    @Test
    void thePriceColumnsAreNamedAfterTheBusinesssModeAndTheOtherModeIsRefused() {
        assertThat(ProductCsv.columns(true)).contains("price_incl_vat", "compare_at_price_incl_vat", "cost")
                .doesNotContain("price", "price_excl_vat");
        assertThat(ProductCsv.columns(false)).contains("price_excl_vat", "compare_at_price_excl_vat");
        assertThat(ProductCsv.column("price_incl_vat", true)).isEqualTo(ProductCsv.PRICE);
        assertThat(ProductCsv.column("compare_at_price_excl_vat", false)).isEqualTo(ProductCsv.COMPARE_AT_PRICE);
        assertThat(ProductCsv.column("price", true)).isEqualTo(ProductCsv.PRICE);
        assertThat(ProductCsv.column("sku", false)).isEqualTo("sku");
        assertThatThrownBy(() -> ProductCsv.column("price_excl_vat", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price_incl_vat");
    }

    @Test
    void aConditionIsReadAsItsCodeOrItsLabelInFrenchOrEnglish() {
        assertThat(ProductCsv.parseCondition("VERY_GOOD")).isEqualTo(app.comptoir.catalog.ItemCondition.VERY_GOOD);
        assertThat(ProductCsv.parseCondition("très bon ÉTAT")).isEqualTo(app.comptoir.catalog.ItemCondition.VERY_GOOD);
        assertThat(ProductCsv.parseCondition("New without tags"))
                .isEqualTo(app.comptoir.catalog.ItemCondition.NEW_WITHOUT_TAGS);
        assertThat(ProductCsv.parseCondition("Satisfaisant")).isEqualTo(app.comptoir.catalog.ItemCondition.SATISFACTORY);
        assertThatThrownBy(() -> ProductCsv.parseCondition("comme neuf")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecondHandColumnsComeLastSoThatOlderFilesKeepTheirOrder() {
        assertThat(ProductCsv.COLUMNS.subList(ProductCsv.COLUMNS.size() - 4, ProductCsv.COLUMNS.size()))
                .containsExactly("active", "condition", "size", "material");
    }
}
