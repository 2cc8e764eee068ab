package app.comptoir.assistant.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.assistant.domain.EmbeddingText;
import app.comptoir.assistant.persistence.EmbeddingStore;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductView;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.TenantContext;

/**
 * Keeps each business's product embeddings in step with its catalog: a product whose text (see
 * {@link EmbeddingText}) changed is encoded again, an unchanged one is not, a product that left the catalog is
 * forgotten. The encoding runs outside any transaction; each batch of vectors is stored in a short one under the
 * business (row-level security). Safe to run twice, or on two nodes at once: the last write of the same vector wins.
 */
@Component
public class EmbeddingIndex {

    /** Texts encoded (and vectors stored) together. */
    static final int BATCH = 32;
    /** Products read from the catalog per page. */
    static final int PAGE = 200;

    private static final Logger log = LoggerFactory.getLogger(EmbeddingIndex.class);

    /** What a refresh of a business did, and how long it took. */
    public record Report(int products, int embedded, int unchanged, int removed, long millis) {
    }

    private final CatalogQueries catalog;
    private final EmbeddingStore store;
    private final SentenceEncoder encoder;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmbeddingIndex(CatalogQueries catalog, EmbeddingStore store, SentenceEncoder encoder, TenantContext tenantContext,
                   PlatformTransactionManager transactions, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.encoder = encoder;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Brings every product of the business up to date, reporting its progress in products. */
    public Report refresh(UUID tenant, JobProgress progress) {
        long start = System.nanoTime();
        return tenantContext.callAs(tenant, () -> {
            Map<UUID, List<String>> paths = categoryPaths();
            Map<UUID, String> stored = tx.execute(status -> store.hashes(tenant));
            Set<UUID> seen = new HashSet<>();
            Map<UUID, EmbeddingText> pending = new LinkedHashMap<>();
            Map<UUID, String> pendingHash = new HashMap<>();
            int unchanged = 0;
            int embedded = 0;
            int total = -1;
            int done = 0;
            for (int page = 0; ; page++) {
                ProductPage products = catalog.search(new ProductQuery(null, null, null, null, null, null, null,
                        "oldest", page, PAGE, false));
                if (total < 0) {
                    total = (int) products.total();
                    progress.total(total);
                }
                for (ProductView p : products.items()) {
                    seen.add(p.id());
                    EmbeddingText text = text(p, paths);
                    String hash = text.hash(SentenceEncoder.MODEL);
                    if (hash.equals(stored.get(p.id()))) {
                        unchanged++;
                        done++;
                    } else {
                        pending.put(p.id(), text);
                        pendingHash.put(p.id(), hash);
                    }
                    if (pending.size() >= BATCH) {
                        embedded += save(tenant, pending, pendingHash);
                        done += BATCH;
                    }
                    progress.done(Math.min(done, total));
                }
                if (products.items().size() < PAGE) {
                    break;
                }
            }
            int last = pending.size();
            embedded += save(tenant, pending, pendingHash);
            progress.done(Math.min(done + last, Math.max(total, 0)));
            List<UUID> gone = stored.keySet().stream().filter(id -> !seen.contains(id)).toList();
            int removed = gone.isEmpty() ? 0 : tx.execute(status -> store.delete(tenant, gone));
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (embedded > 0 || removed > 0) {
                log.info("Embedded {} products of business {} ({} unchanged, {} removed) in {} ms", embedded, tenant,
                        unchanged, removed, millis);
            }
            return new Report(seen.size(), embedded, unchanged, removed, millis);
        });
    }

    /** Brings one product up to date (encodes it if its text changed, forgets it if it left the catalog). */
    public void refresh(UUID tenant, UUID productId) {
        tenantContext.runAs(tenant, () -> {
            ProductView product = catalog.product(productId).orElse(null);
            if (product == null) {
                tx.executeWithoutResult(status -> store.delete(tenant, List.of(productId)));
                return;
            }
            EmbeddingText text = text(product, categoryPaths());
            String hash = text.hash(SentenceEncoder.MODEL);
            if (hash.equals(tx.execute(status -> store.hash(tenant, productId)))) {
                return;
            }
            float[] vector = encoder.encode(text.text());
            tx.executeWithoutResult(status -> store.save(tenant, productId, hash, vector, clock.instant()));
        });
    }

    /** Forgets a product's embedding. */
    public void forget(UUID tenant, UUID productId) {
        tenantContext.runAs(tenant, () ->
                tx.executeWithoutResult(status -> store.delete(tenant, List.of(productId))));
    }

    private int save(UUID tenant, Map<UUID, EmbeddingText> pending, Map<UUID, String> hashes) {
        if (pending.isEmpty()) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>(pending.keySet());
        List<float[]> vectors = encoder.encode(ids.stream().map(id -> pending.get(id).text()).toList());
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < ids.size(); i++) {
                store.save(tenant, ids.get(i), hashes.get(ids.get(i)), vectors.get(i), clock.instant());
            }
        });
        int n = ids.size();
        pending.clear();
        hashes.clear();
        return n;
    }

    /** The text of a product, with its category's path from the top. */
    static EmbeddingText text(ProductView p, Map<UUID, List<String>> paths) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (ProductOption o : p.options()) {
            options.put(o.name(), o.values());
        }
        return EmbeddingText.of(p.name(), p.brand(), p.categoryId() == null ? List.of()
                : paths.getOrDefault(p.categoryId(), List.of()), p.tags(), options, p.description());
    }

    private Map<UUID, List<String>> categoryPaths() {
        Map<UUID, List<String>> paths = new HashMap<>();
        walk(catalog.categories(), List.of(), paths);
        return paths;
    }

    private static void walk(List<CategoryNode> nodes, List<String> above, Map<UUID, List<String>> paths) {
        for (CategoryNode node : nodes) {
            List<String> path = new ArrayList<>(above);
            path.add(node.name());
            paths.put(node.id(), List.copyOf(path));
            walk(node.children(), path, paths);
        }
    }
}
