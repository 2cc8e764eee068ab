package app.comptoir.assistant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;

/** The cache key changes with every fact and setting a description depends on, and with nothing else. */
class CacheKeyTest {

    private static ProductFacts facts(String name, Map<String, List<String>> options, String price) {
        return new ProductFacts(name, "Verdure", "Arrosage", "pièce", List.of("balcon"), options, Map.of(),
                new BigDecimal(price), new BigDecimal(price), "EUR");
    }

    private static String key(ProductFacts facts) {
        return CacheKey.of(facts, TargetPlatform.SHOP, Tone.FRIENDLY, Length.MEDIUM, Language.FR, "builtin");
    }

    @Test
    void theSameFactsGiveTheSameSha256() {
        String key = key(facts("Arrosoir", Map.of("Couleur", List.of("Vert")), "12.90"));

        assertThat(key).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(key(facts("Arrosoir", Map.of("Couleur", List.of("Vert")), "12.9"))).isEqualTo(key);
    }

    @Test
    void anEditedProductGetsAnotherKey() {
        String key = key(facts("Arrosoir", Map.of("Couleur", List.of("Vert")), "12.90"));

        assertThat(key(facts("Arrosoir XL", Map.of("Couleur", List.of("Vert")), "12.90"))).isNotEqualTo(key);
        assertThat(key(facts("Arrosoir", Map.of("Couleur", List.of("Vert", "Gris")), "12.90"))).isNotEqualTo(key);
        assertThat(key(facts("Arrosoir", Map.of("Couleur", List.of("Vert")), "13.90"))).isNotEqualTo(key);
    }

    @Test
    void toneLengthPlatformLanguageAndWriterEachChangeTheKey() {
        ProductFacts f = facts("Arrosoir", Map.of(), "12.90");
        String key = key(f);

        assertThat(CacheKey.of(f, TargetPlatform.VINTED, Tone.FRIENDLY, Length.MEDIUM, Language.FR, "builtin")).isNotEqualTo(key);
        assertThat(CacheKey.of(f, TargetPlatform.SHOP, Tone.FUN, Length.MEDIUM, Language.FR, "builtin")).isNotEqualTo(key);
        assertThat(CacheKey.of(f, TargetPlatform.SHOP, Tone.FRIENDLY, Length.LONG, Language.FR, "builtin")).isNotEqualTo(key);
        assertThat(CacheKey.of(f, TargetPlatform.SHOP, Tone.FRIENDLY, Length.MEDIUM, Language.EN, "builtin")).isNotEqualTo(key);
        assertThat(CacheKey.of(f, TargetPlatform.SHOP, Tone.FRIENDLY, Length.MEDIUM, Language.FR, "openai:gpt-4o-mini"))
                .isNotEqualTo(key);
    }

    @Test
    void partsCannotRunIntoEachOther() {
        ProductFacts a = new ProductFacts("Pot", "Rouge", null, null, List.of(), Map.of(), Map.of(), null, null, "EUR");
        ProductFacts b = new ProductFacts("PotR", "ouge", null, null, List.of(), Map.of(), Map.of(), null, null, "EUR");

        assertThat(key(a)).isNotEqualTo(key(b));
    }
}
