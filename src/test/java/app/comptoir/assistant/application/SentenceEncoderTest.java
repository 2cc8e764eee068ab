package app.comptoir.assistant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.comptoir.assistant.domain.Vectors;

/** The real all-MiniLM-L6-v2 model, read from its jar: no download, 384 dimensions, similar texts near. */
class SentenceEncoderTest {

    private final SentenceEncoder encoder = new SentenceEncoder();

    @Test
    void aWateringCanIsNearerToAnotherWateringCanThanToABagOfSoil() {
        List<float[]> v = encoder.encode(List.of(
                "Arrosoir galvanisé 10 L. Arrosage. Pomme en laiton pour arroser les fleurs.",
                "Arrosoir plastique 5 L. Arrosage. Petit arrosoir léger pour le balcon.",
                "Terreau universel 40 L. Terreau. Sac de terreau pour rempotage."));

        assertThat(v).allMatch(x -> x.length == SentenceEncoder.DIMENSION);
        assertThat(Vectors.cosine(v.get(0), v.get(0))).isCloseTo(1, within(1e-5));
        assertThat(Vectors.cosine(v.get(0), v.get(1))).isGreaterThan(Vectors.cosine(v.get(0), v.get(2)));
        assertThat(Vectors.cosine(v.get(1), v.get(0))).isGreaterThan(Vectors.cosine(v.get(1), v.get(2)));
    }

    @Test
    void oneTextAloneGivesTheSameVectorAsInABatch() {
        String text = "Sécateur de précision Felco";
        float[] alone = encoder.encode(text);
        float[] batched = encoder.encode(List.of("Bêche forgée", text)).get(1);
        assertThat(Vectors.cosine(alone, batched)).isCloseTo(1, within(1e-4));
        double norm = Math.sqrt(Vectors.cosine(alone, alone));
        assertThat(norm).isCloseTo(1, within(1e-6));
    }

    @Test
    void onceTheApplicationStopsNoEncodingStartsSoNoNativeCodeRunsWhileTheJvmExits() {
        SentenceEncoder stopping = new SentenceEncoder();
        stopping.close();
        assertThatThrownBy(() -> stopping.encode("Arrosoir")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping");
    }
}
