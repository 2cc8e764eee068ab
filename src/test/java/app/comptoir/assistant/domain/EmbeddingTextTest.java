package app.comptoir.assistant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

    private static EmbeddingText can(String description) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("Contenance", List.of("5 L", "10 L"));
        return EmbeddingText.of("Arrosoir Balcon", "Elho", List.of("Arrosage", "Arrosoirs"), List.of("arrosage"),
                options, description);
    }

    @Test
    void theTextNamesTheProductItsBrandCategoryTagsOptionsAndDescription() {
        assertThat(can("Pomme en laiton.").text()).isEqualTo(
                "Arrosoir Balcon. Elho. Arrosage > Arrosoirs. arrosage. Contenance: 5 L, 10 L. Pomme en laiton.");
        assertThat(EmbeddingText.of("Pelle", null, List.of(), null, null, "  ").text()).isEqualTo("Pelle");
    }

    @Test
    void aLongDescriptionIsCut() {
        String text = can("x".repeat(5000)).text();
        assertThat(text).hasSizeLessThan(EmbeddingText.DESCRIPTION_CHARS + 100);
    }

    @Test
    void theHashChangesWithTheTextOrTheModelOnly() {
        assertThat(can("a").hash("m")).isEqualTo(can("a").hash("m")).hasSize(64);
        assertThat(can("a").hash("m")).isNotEqualTo(can("b").hash("m")).isNotEqualTo(can("a").hash("n"));
    }
}
