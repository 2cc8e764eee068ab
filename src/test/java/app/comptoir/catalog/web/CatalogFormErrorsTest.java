package app.comptoir.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

class CatalogFormErrorsTest {

    @Test
    void quotedValuesBecomeArgumentsAndRowNumbersLeaveTheCodes() {
        DefaultMessageSourceResolvable message = CatalogFormErrors.message("variants[3].sku",
                "'POT-S' is used by another variant of this product");

        assertThat(message.getCodes()).containsExactly(
                "catalog.invalid.variants.sku.is-used-by-another-variant-of-this-product",
                "catalog.invalid.is-used-by-another-variant-of-this-product", "catalog.invalid.variants.sku");
        assertThat(message.getArguments()).containsExactly("POT-S");
        assertThat(message.getDefaultMessage()).isEqualTo("'POT-S' is used by another variant of this product");
    }

    @Test
    void listsMapsAndRemarksAreArgumentsToo() {
        assertThat(CatalogFormErrors.message("variants[0].values", "'XL' is not a value of 'Taille' [S, M]").getCodes()[0])
                .isEqualTo("catalog.invalid.variants.values.is-not-a-value-of");
        assertThat(CatalogFormErrors.message("vatRate", "is required (e.g. 20, 10, 5.5, 2.1 or 0)").getCodes()[1])
                .isEqualTo("catalog.invalid.is-required");
    }

    @Test
    void aVariantsOptionsAreItsValuesOnTheForm() {
        assertThat(CatalogFormErrors.formField("variants[2].options")).isEqualTo("variants[2].values");
        assertThat(CatalogFormErrors.formField("variants[2]")).isEqualTo("variants[2].sku");
        assertThat(CatalogFormErrors.formField("options[1].values")).isEqualTo("options[1].values");
    }
}
