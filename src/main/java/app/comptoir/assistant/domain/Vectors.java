package app.comptoir.assistant.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Vector arithmetic of semantic search, framework-free: unit length, cosine similarity, the nearest vectors, and
 * reciprocal rank fusion of two rankings. Ties are broken by the product id, as the SQL of pgvector does, so that
 * both ways of ranking give the same order.
 */
public final class Vectors {

    /** The constant of reciprocal rank fusion (Cormack et al., 2009): dampens the weight of the first ranks. */
    public static final int RRF_K = 60;

    private Vectors() {
    }

    /** A product and how near it is (cosine similarity, 1 = same direction). */
    public record Neighbour(UUID productId, double similarity) {
    }

    /** A product's stored vector. */
    public record Stored(UUID productId, float[] vector) {
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        if (norm == 0) {
            return u;
        }
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }

    /** The cosine similarity of two vectors of the same dimension. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    /**
     * The {@code limit} stored vectors nearest to the query, nearest first (ties by product id), leaving out
     * {@code exclude} (may be null) and those less similar than {@code minSimilarity}.
     */
    public static List<Neighbour> nearest(float[] query, List<Stored> stored, UUID exclude, double minSimilarity,
                                          int limit) {
        List<Neighbour> all = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            if (s.productId().equals(exclude)) {
                continue;
            }
            double similarity = cosine(query, s.vector());
            if (similarity >= minSimilarity) {
                all.add(new Neighbour(s.productId(), similarity));
            }
        }
        all.sort(BY_SIMILARITY);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** Nearest first, then by product id. */
    public static final Comparator<Neighbour> BY_SIMILARITY = Comparator.comparingDouble(Neighbour::similarity)
            .reversed().thenComparing(Neighbour::productId);

    /** A product in the fused ranking, its score and its rank (from 1) in each ranking it came from (else null). */
    public record Fused(UUID productId, double score, Integer textRank, Integer vectorRank) {
    }

    /**
     * Reciprocal rank fusion: each product scores the sum of 1 / (k + rank) over the rankings it appears in; the
     * best first, ties by product id.
     */
    public static List<Fused> fuse(List<UUID> textRanking, List<UUID> vectorRanking) {
        Map<UUID, Integer> text = ranks(textRanking);
        Map<UUID, Integer> vector = ranks(vectorRanking);
        Map<UUID, Fused> fused = new HashMap<>();
        for (UUID id : concat(textRanking, vectorRanking)) {
            Integer t = text.get(id);
            Integer v = vector.get(id);
            double score = (t == null ? 0 : 1.0 / (RRF_K + t)) + (v == null ? 0 : 1.0 / (RRF_K + v));
            fused.putIfAbsent(id, new Fused(id, score, t, v));
        }
        return fused.values().stream().sorted(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparing(Fused::productId)).toList();
    }

    private static Map<UUID, Integer> ranks(List<UUID> ranking) {
        Map<UUID, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            ranks.putIfAbsent(ranking.get(i), i + 1);
        }
        return ranks;
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
