package app.comptoir.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.platform.InvalidInputException.FieldError;

class ProductRulesTest {

    private static VariantSpec variant(String sku, Map<String, String> options, String price) {
        return new VariantSpec(null, sku, null, options, price == null ? null : new BigDecimal(price), null, null, null, null);
    }

    private static ProductSpec product(List<ProductOption> options, VariantSpec... variants) {
        return new ProductSpec(" Pot  ", null, null, null, null, List.of(" Extérieur ", "extérieur", ""), null,
                new BigDecimal("20"), null, options, List.of(variants), null);
    }

    private static List<String> fields(ProductRules.Checked checked) {
        return checked.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aValidProductIsNormalised() {
        ProductRules.Checked checked = ProductRules.check(product(List.of(new ProductOption("Taille", List.of("S", "M"))),
                variant("POT-S", Map.of("taille", "s"), "12.5"), variant("POT-M", Map.of("Taille", "M"), "14")));
        assertThat(checked.errors()).isEmpty();
        ProductSpec spec = checked.spec();
        assertThat(spec.name()).isEqualTo("Pot");
        assertThat(spec.tags()).containsExactly("extérieur");
        assertThat(spec.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(spec.unit()).isEqualTo("piece");
        assertThat(spec.vatRate()).isEqualByComparingTo("20.00");
        assertThat(spec.variants().getFirst().options()).containsExactly(Map.entry("Taille", "S"));
        assertThat(spec.variants().getFirst().price()).isEqualTo(new BigDecimal("12.50"));
        assertThat(spec.variants().getFirst().active()).isTrue();
    }

    @Test
    void withoutOptionsAProductHasExactlyOneVariant() {
        assertThat(fields(ProductRules.check(product(List.of(), variant("A", Map.of(), "1"), variant("B", Map.of(), "1")))))
                .containsExactly("variants");
        assertThat(fields(ProductRules.check(product(List.of())))).containsExactly("variants");
    }

    @Test
    void variantsMustMatchTheOptionsAndBeDistinct() {
        List<ProductOption> options = List.of(new ProductOption("Taille", List.of("S", "M")));
        assertThat(fields(ProductRules.check(product(options, variant("A", Map.of(), "1")))))
                .containsExactly("variants[0].options");
        assertThat(fields(ProductRules.check(product(options, variant("A", Map.of("Taille", "XL"), "1")))))
                .containsExactly("variants[0].options");
        assertThat(fields(ProductRules.check(product(options, variant("A", Map.of("Taille", "S", "Couleur", "Rouge"), "1")))))
                .containsExactly("variants[0].options");
        assertThat(fields(ProductRules.check(product(options, variant("A", Map.of("Taille", "S"), "1"),
                variant("a", Map.of("Taille", "S"), "1"))))).containsExactly("variants[1].sku", "variants[1].options");
    }

    @Test
    void pricesVatRatesAndSkusAreChecked() {
        ProductSpec spec = new ProductSpec("P", null, null, null, null, null, null, new BigDecimal("100"), "piece",
                List.of(), List.of(new VariantSpec(null, "has space", "123", Map.of(), new BigDecimal("1.999"),
                        new BigDecimal("1"), new BigDecimal("-1"), new BigDecimal("-2"), true)), null);
        assertThat(fields(ProductRules.check(spec))).containsExactlyInAnyOrder("vatRate", "variants[0].sku",
                "variants[0].barcode", "variants[0].price", "variants[0].cost", "variants[0].compareAtPrice",
                "variants[0].weight");
    }

    @Test
    void anyVatRateFromZeroToUnderAHundredWithTwoDecimalsIsAccepted() {
        assertThat(VatRates.isValid(new BigDecimal("18"))).isTrue();
        assertThat(VatRates.isValid(new BigDecimal("5.5"))).isTrue();
        assertThat(VatRates.isValid(new BigDecimal("0"))).isTrue();
        assertThat(VatRates.isValid(new BigDecimal("99.99"))).isTrue();
        assertThat(VatRates.isValid(new BigDecimal("100"))).isFalse();
        assertThat(VatRates.isValid(new BigDecimal("-1"))).isFalse();
        assertThat(VatRates.isValid(new BigDecimal("5.555"))).isFalse();
    }

    @Test
    void unitsAreKnownOrShortCustomTexts() {
        assertThat(Units.normalize("KG")).isEqualTo("kg");
        assertThat(Units.normalize(null)).isEqualTo("piece");
        assertThat(Units.normalize("botte de 10")).isEqualTo("botte de 10");
        assertThat(Units.normalize("m²")).isEqualTo("m²");
        assertThat(Units.normalize("<script>")).isNull();
        assertThat(Units.normalize("a very long unit name indeed")).isNull();
    }

    @Test
    void slugsAreAsciiLowerCaseWithDashes() {
        assertThat(ProductRules.slugOf("Pot « Toscane » Ø 30 cm")).isEqualTo("pot-toscane-o-30-cm");
        assertThat(ProductRules.slugOf("Œillet d'Inde")).isEqualTo("oeillet-d-inde");
        assertThat(ProductRules.slugOf("!!!")).isEqualTo("produit");
        assertThat(OptionMatrix.code("Terre cuite", 6)).isEqualTo("TERREC");
    }

    @Test
    void secondHandAttributesAreOptionalTrimmedAndTheConditionIsOneOfOurs() {
        ProductSpec plain = product(List.of(), variant("A", Map.of(), "1"));
        assertThat(ProductRules.check(plain).spec().secondHand()).isEqualTo(SecondHand.NONE);

        ProductSpec good = plain.withSecondHand(new SecondHand(" very good ", " M ", " laine "));
        ProductRules.Checked checked = ProductRules.check(good);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.spec().secondHand()).isEqualTo(new SecondHand("VERY_GOOD", "M", "laine"));

        ProductSpec bad = plain.withSecondHand(new SecondHand("like new", "x".repeat(41), "y".repeat(81)));
        assertThat(fields(ProductRules.check(bad))).containsExactlyInAnyOrder("secondHand.condition",
                "secondHand.size", "secondHand.material");
    }
}
