package app.comptoir.assistant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pgvector path cannot run against the embedded PostgreSQL of the tests (it has no {@code vector} extension):
 * its SQL is checked here, the Java path in SemanticSearchIT.
 */
class EmbeddingStoreTest {

    @Test
    void aVectorIsWrittenInPgvectorsTextForm() {
        assertThat(EmbeddingStore.literal(new float[] {0.5f, -0.25f, 1e-8f})).isEqualTo("[0.5,-0.25,1.0E-8]");
        assertThat(EmbeddingStore.literal(new float[0])).isEqualTo("[]");
    }

    @Test
    void pgvectorRanksByCosineDistanceThenProductIdWithinTheTenant() {
        String sql = EmbeddingStore.PGVECTOR_NEAREST.replaceAll("\\s+", " ").strip();
        assertThat(sql).contains("1 - (embedding::vector <=> cast(? as vector)) as similarity")
                .contains("where tenant_id = ? and product_id is distinct from cast(? as uuid)")
                .contains("order by embedding::vector <=> cast(? as vector), product_id")
                .endsWith("limit ?");
        assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(7);
    }
}
