package app.comptoir.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.assistant.application.EmbeddingIndex;
import app.comptoir.assistant.application.SentenceEncoder;
import app.comptoir.assistant.domain.Vectors;
import app.comptoir.assistant.persistence.EmbeddingStore;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductCard;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/**
 * Semantic search over the current business's products: the catalog's full-text ranking fused with the ranking by
 * embedding similarity (reciprocal rank fusion), and the products nearest to a product. Like the catalog's queries
 * it checks no permission (the API asks READ; the shop reads as its business); only the business's own products are
 * ever compared (by tenant in the query, and by row-level security). Nearest vectors are computed by pgvector when
 * the database has it, else in Java over the business's vectors read for the query: the same order either way.
 */
@Service
public class SemanticSearch {

    /** The most results a search or a list of similar products may ask for. */
    public static final int MAX_LIMIT = 50;
    /** The longest query read. */
    public static final int MAX_QUERY = 200;
    /**
     * The least cosine similarity for a product found by its embedding alone in a search. all-MiniLM-L6-v2 learned
     * English: over French shop texts, "arrosoir pour balcon" scores 0.55 to 0.7 with watering cans and balcony
     * planters, but unrelated words still reach 0.4 to 0.46 ("voisin" with a rose bush, "tulipe" with a hose), hence
     * a high bar; the full-text ranking finds the products that share the query's words anyway.
     */
    public static final double SEARCH_MIN_SIMILARITY = 0.5;
    /** Candidates taken from each ranking before fusing them. */
    static final int CANDIDATES = 60;

    /** A product found, with its fused score and its ranks in the full-text and the semantic ranking (null: absent). */
    public record Hit(ProductCard product, double score, Integer textRank, Integer semanticRank, Double similarity) {
    }

    /** A search's answer: the hits, best first, and how many products of the business have an embedding. */
    public record Results(String query, List<Hit> items, long embeddedProducts) {
    }

    /** A product near another one, and how near (cosine similarity). */
    public record Similar(ProductCard product, double similarity) {
    }

    private final CatalogQueries catalog;
    private final EmbeddingStore store;
    private final EmbeddingIndex index;
    private final SentenceEncoder encoder;
    private final TenantContext tenantContext;
    private final TransactionTemplate readOnly;
    private volatile Boolean pgvector;

    SemanticSearch(CatalogQueries catalog, EmbeddingStore store, EmbeddingIndex index, SentenceEncoder encoder,
                   TenantContext tenantContext, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.store = store;
        this.index = index;
        this.encoder = encoder;
        this.tenantContext = tenantContext;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The products matching the text, best first: the full-text ranking fused with the semantic one. {@code activeOnly}
     * keeps only products on sale (the shop); otherwise every live product (the back office).
     */
    public Results search(String q, int limit, boolean activeOnly) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            throw InvalidInputException.field("q", "must not be blank");
        }
        if (query.length() > MAX_QUERY) {
            throw InvalidInputException.field("q", "must be at most " + MAX_QUERY + " characters");
        }
        checkLimit(limit);
        UUID tenant = tenantContext.requireTenant();
        List<UUID> text = catalog.cards(new ProductQuery(query, null, null, activeOnly ? ProductStatus.ACTIVE : null,
                null, null, null, "relevance", 0, CANDIDATES, false)).items().stream().map(ProductCard::id).toList();
        float[] vector = encoder.encode(query);
        List<Vectors.Neighbour> near = nearest(tenant, vector, null, SEARCH_MIN_SIMILARITY, CANDIDATES);
        Map<UUID, Double> similarity = near.stream()
                .collect(Collectors.toMap(Vectors.Neighbour::productId, Vectors.Neighbour::similarity));
        List<Vectors.Fused> fused = Vectors.fuse(text, near.stream().map(Vectors.Neighbour::productId).toList());
        Map<UUID, ProductCard> cards = cards(fused.stream().map(Vectors.Fused::productId).toList(), activeOnly);
        List<Hit> hits = new ArrayList<>();
        for (Vectors.Fused f : fused) {
            ProductCard card = cards.get(f.productId());
            if (card != null && hits.size() < limit) {
                hits.add(new Hit(card, f.score(), f.textRank(), f.vectorRank(), similarity.get(f.productId())));
            }
        }
        return new Results(query, List.copyOf(hits), embedded(tenant));
    }

    /**
     * The products nearest to this one, nearest first, active ones only, never itself; a 404 when the product is not
     * one of the business's. A product not embedded yet is embedded now.
     */
    public List<Similar> similar(UUID productId, int limit) {
        checkLimit(limit);
        UUID tenant = tenantContext.requireTenant();
        if (catalog.product(productId).isEmpty()) {
            throw new NotFoundException("Product", productId);
        }
        float[] vector = readOnly.execute(status -> store.vector(tenant, productId));
        if (vector == null) {
            index.refresh(tenant, productId);
            vector = readOnly.execute(status -> store.vector(tenant, productId));
            if (vector == null) {
                return List.of();
            }
        }
        List<Vectors.Neighbour> near = nearest(tenant, vector, productId, -1, limit * 3 + 10);
        Map<UUID, ProductCard> cards = cards(near.stream().map(Vectors.Neighbour::productId).toList(), true);
        List<Similar> similar = new ArrayList<>();
        for (Vectors.Neighbour n : near) {
            ProductCard card = cards.get(n.productId());
            if (card != null && similar.size() < limit) {
                similar.add(new Similar(card, n.similarity()));
            }
        }
        return List.copyOf(similar);
    }

    /** How many of the business's products have an embedding. */
    public long embedded() {
        return embedded(tenantContext.requireTenant());
    }

    /** Whether nearest vectors are computed by pgvector (else in Java). */
    public boolean usesPgvector() {
        Boolean known = pgvector;
        if (known == null) {
            known = readOnly.execute(status -> store.hasPgvector());
            pgvector = known;
        }
        return known;
    }

    private long embedded(UUID tenant) {
        return readOnly.execute(status -> store.count(tenant));
    }

    private List<Vectors.Neighbour> nearest(UUID tenant, float[] vector, UUID exclude, double min, int limit) {
        if (usesPgvector()) {
            return readOnly.execute(status -> store.nearestByPgvector(tenant, vector, exclude, min, limit));
        }
        List<Vectors.Stored> stored = readOnly.execute(status -> store.vectors(tenant));
        return Vectors.nearest(vector, stored, exclude, min, limit);
    }

    private Map<UUID, ProductCard> cards(List<UUID> ids, boolean activeOnly) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ProductCard> cards = new HashMap<>();
        catalog.cards(ids).stream().filter(c -> !activeOnly || c.status() == ProductStatus.ACTIVE)
                .forEach(c -> cards.put(c.id(), c));
        return cards;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
