package app.comptoir.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import app.comptoir.catalog.domain.ProductSpec;

class ProductFormTest {

    private static ProductForm form(List<ProductForm.OptionRow> options, List<ProductForm.VariantRow> rows) {
        return new ProductForm("Pot Toscane", "", "", "", "terrasse, Extérieur ,", "ACTIVE", "5,5", "", "botte",
                options, rows, "", "", 3L, "", "", "");
    }

    private static ProductForm.VariantRow row(String sku, String price, String... values) {
        return new ProductForm.VariantRow(null, List.of(values), sku, "", price, "", "", "", true, "");
    }

    @Test
    void numbersAreReadAsPeopleTypeThem() {
        assertThat(ProductForm.parseNumber("12,50")).isEqualByComparingTo("12.50");
        assertThat(ProductForm.parseNumber(" 1 500 ")).isEqualByComparingTo("1500");
        assertThat(ProductForm.parseNumber("1\u202F500,5")).isEqualByComparingTo("1500.5");
        assertThat(ProductForm.parseNumber("7.")).isEqualByComparingTo("7");
        assertThat(ProductForm.parseNumber("")).isNull();
        assertThatThrownBy(() -> ProductForm.parseNumber("douze")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ProductForm.parseNumber("-3")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ProductForm.parseNumber("1,2,3")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theFormBecomesAProductWithItsOptionsTagsAndCustomUnit() {
        ProductForm form = form(List.of(new ProductForm.OptionRow("Taille", "S, M"), new ProductForm.OptionRow("", "")),
                List.of(row("POT-S", "9,90", "S"), row("POT-M", "12", "M")));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        ProductSpec spec = form.toSpec(errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(spec.vatRate()).isEqualByComparingTo("5.5");
        assertThat(spec.unit()).isEqualTo("botte");
        assertThat(spec.tags()).containsExactly("terrasse", "Extérieur");
        assertThat(spec.options()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Taille");
            assertThat(o.values()).containsExactly("S", "M");
        });
        assertThat(spec.variants()).extracting(v -> v.options().get("Taille")).containsExactly("S", "M");
        assertThat(spec.variants().getFirst().price()).isEqualByComparingTo(new BigDecimal("9.90"));
    }

    @Test
    void aNumberThatCannotBeReadIsRejectedOnItsOwnRow() {
        ProductForm form = form(List.of(), List.of(row("POT", "douze")));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        form.toSpec(errors);

        assertThat(errors.getFieldErrors()).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("variants[0].price");
            assertThat(e.getRejectedValue()).isEqualTo("douze");
            assertThat(e.getCode()).isEqualTo("catalog.invalid.number");
        });
    }

    @Test
    void rowsFallOutOfStepWhenTheOptionsNoLongerDescribeThem() {
        List<ProductForm.OptionRow> size = List.of(new ProductForm.OptionRow("Taille", "S, M"));
        assertThat(form(size, List.of(row("POT-S", "9", "S"), row("POT-M", "9", "m"))).variantsOutOfStep()).isFalse();
        // A new option the rows have no value for, a value no longer listed, rows without values.
        assertThat(form(List.of(size.getFirst(), new ProductForm.OptionRow("Couleur", "Rouge")),
                List.of(row("POT-S", "9", "S"))).variantsOutOfStep()).isTrue();
        assertThat(form(size, List.of(row("POT-L", "9", "L"))).variantsOutOfStep()).isTrue();
        assertThat(form(size, List.of(row("POT", "9"))).variantsOutOfStep()).isTrue();
        assertThat(form(List.of(), List.of(row("POT", "9"))).variantsOutOfStep()).isFalse();
    }

    @Test
    void blankOptionRowsAreDroppedThenPaddedToTheMaximum() {
        ProductForm tidy = form(List.of(new ProductForm.OptionRow("", ""), new ProductForm.OptionRow("Couleur", "Vert")),
                List.of()).tidy();
        assertThat(tidy.options()).extracting(ProductForm.OptionRow::name).containsExactly("Couleur", "", "");
    }
}
