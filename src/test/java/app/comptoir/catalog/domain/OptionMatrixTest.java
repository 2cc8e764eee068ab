package app.comptoir.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.ProductOption;
import app.comptoir.platform.InvalidInputException;

class OptionMatrixTest {

    private static final List<ProductOption> SIZE_BY_COLOUR = List.of(new ProductOption("Taille", List.of("S", "M")),
            new ProductOption("Couleur", List.of("Rouge", "Vert clair", "Vert foncé")));

    @Test
    void everyCombinationBecomesAVariantWithADerivedSku() {
        List<VariantSpec> variants = OptionMatrix.generate(SIZE_BY_COLOUR, List.of(), "TSH", new BigDecimal("9.90"));
        assertThat(variants).extracting(VariantSpec::sku).containsExactly("TSH-S-ROUGE", "TSH-S-VERTCLAIR",
                "TSH-S-VERTFONCE", "TSH-M-ROUGE", "TSH-M-VERTCLAIR", "TSH-M-VERTFONCE");
        assertThat(variants.get(4).options()).containsExactly(Map.entry("Taille", "M"), Map.entry("Couleur", "Vert clair"));
        assertThat(variants).allSatisfy(v -> assertThat(v.price()).isEqualByComparingTo("9.90"));
    }

    @Test
    void existingVariantsWithAStillValidCombinationAreKept() {
        UUID kept = UUID.randomUUID();
        VariantSpec existing = new VariantSpec(kept, "MY-OWN-SKU", "4006381333931", Map.of("taille", "m", "couleur", "rouge"),
                new BigDecimal("12"), null, null, null, true);
        VariantSpec gone = new VariantSpec(UUID.randomUUID(), "OLD", null, Map.of("Taille", "XL", "Couleur", "Rouge"),
                new BigDecimal("12"), null, null, null, true);
        List<VariantSpec> variants = OptionMatrix.generate(SIZE_BY_COLOUR, List.of(existing, gone), "TSH", null);
        assertThat(variants).hasSize(6).extracting(VariantSpec::id).containsOnlyOnce(kept).doesNotContain(gone.id());
        assertThat(variants.get(3).sku()).isEqualTo("MY-OWN-SKU");
        assertThat(variants.get(3).options()).containsEntry("Taille", "M");
        // New variants take the price of the first existing one when none is given.
        assertThat(variants.getFirst().price()).isEqualByComparingTo("12");
    }

    @Test
    void theBaseSkuIsGuessedFromExistingSkus() {
        assertThat(OptionMatrix.baseOf(List.of(new VariantSpec(null, "JARD-60CM-BLANC", null, Map.of("a", "b"), null, null, null, null, null),
                new VariantSpec(null, "JARD-80CM-VERT", null, Map.of("a", "c"), null, null, null, null, null)))).isEqualTo("JARD");
        assertThat(OptionMatrix.baseOf(List.of(new VariantSpec(null, "SEC", null, Map.of(), null, null, null, null, null))))
                .isEqualTo("SEC");
        assertThat(OptionMatrix.baseOf(List.of())).isNull();
    }

    @Test
    void aMatrixNeedsABaseSkuAndStaysWithinBounds() {
        assertThatThrownBy(() -> OptionMatrix.generate(SIZE_BY_COLOUR, List.of(), null, BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseSku");
        List<String> many = Collections.nCopies(30, "x").stream().map(s -> UUID.randomUUID().toString()).toList();
        List<ProductOption> huge = List.of(new ProductOption("A", many), new ProductOption("B", many));
        assertThatThrownBy(() -> OptionMatrix.generate(huge, List.of(), "X", BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 500");
    }

    @Test
    void withoutOptionsThereIsOneVariant() {
        assertThat(OptionMatrix.generate(List.of(), List.of(), "SKU-1", BigDecimal.TEN))
                .extracting(VariantSpec::sku).containsExactly("SKU-1");
    }
}
