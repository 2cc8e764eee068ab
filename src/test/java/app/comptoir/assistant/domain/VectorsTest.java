package app.comptoir.assistant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class VectorsTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-7000-8000-00000000000c");

    @Test
    void theCosineIsOneForTheSameDirectionZeroForOrthogonalAndMinusOneForOpposite() {
        assertThat(Vectors.cosine(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(1, within(1e-9));
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {0, 3})).isCloseTo(0, within(1e-9));
        assertThat(Vectors.cosine(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1, within(1e-9));
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void aUnitVectorHasLengthOne() {
        float[] u = Vectors.unit(new float[] {3, 4});
        assertThat(u[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(u[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(Vectors.unit(new float[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void theNearestComeFirstTiesByIdWithoutTheExcludedOneOrTheTooFar() {
        List<Vectors.Stored> stored = List.of(new Vectors.Stored(C, new float[] {1, 0}),
                new Vectors.Stored(B, new float[] {1, 0}), new Vectors.Stored(A, new float[] {0, 1}),
                new Vectors.Stored(UUID.randomUUID(), new float[] {-1, 0}));

        List<Vectors.Neighbour> near = Vectors.nearest(new float[] {1, 0.1f}, stored, null, 0, 10);
        assertThat(near).extracting(Vectors.Neighbour::productId).containsExactly(B, C, A);

        assertThat(Vectors.nearest(new float[] {1, 0.1f}, stored, B, 0, 1)).extracting(Vectors.Neighbour::productId)
                .containsExactly(C);
        assertThat(Vectors.nearest(new float[] {1, 0.1f}, stored, null, 0.5, 10)).hasSize(2);
    }

    @Test
    void reciprocalRankFusionFavoursWhatBothRankingsAgreeOn() {
        List<Vectors.Fused> fused = Vectors.fuse(List.of(A, B), List.of(C, B));

        assertThat(fused).extracting(Vectors.Fused::productId).containsExactly(B, A, C);
        Vectors.Fused b = fused.getFirst();
        assertThat(b.textRank()).isEqualTo(2);
        assertThat(b.vectorRank()).isEqualTo(2);
        assertThat(b.score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.get(1).vectorRank()).isNull();
        assertThat(fused.get(2).textRank()).isNull();
    }
}
