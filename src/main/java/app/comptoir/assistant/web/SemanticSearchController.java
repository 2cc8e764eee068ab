package app.comptoir.assistant.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.SemanticSearch;
import app.comptoir.assistant.application.EmbeddingIndex;
import app.comptoir.assistant.application.SentenceEncoder;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.TenantContext;

/** Semantic search over the business's products, similar products, and the state of their embeddings. */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "Assistant: semantic search")
class SemanticSearchController {

    /** The state of the business's embeddings. */
    record EmbeddingsState(long embeddedProducts, String model, int dimension, boolean pgvector) {
    }

    private final SemanticSearch search;
    private final EmbeddingIndex index;
    private final Jobs jobs;
    private final TenantContext tenantContext;

    SemanticSearchController(SemanticSearch search, EmbeddingIndex index, Jobs jobs, TenantContext tenantContext) {
        this.search = search;
        this.index = index;
        this.jobs = jobs;
        this.tenantContext = tenantContext;
    }

    @GetMapping("/search")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "Search the products by meaning and by words",
            description = "The catalog's full-text ranking fused (reciprocal rank fusion) with the ranking by similarity"
                    + " of the products' embeddings (all-MiniLM-L6-v2, computed in the server). q: 1 to 200"
                    + " characters; limit: 1 to 50 (20). Every live product of the business, best first, each with its"
                    + " score, its rank in either ranking (null when absent) and its cosine similarity.")
    SemanticSearch.Results search(@RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "20") int limit) {
        return search.search(q, limit, false);
    }

    @GetMapping("/products/{id}/similar")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "The active products nearest to a product by meaning",
            description = "Nearest first by cosine similarity of their embeddings, never the product itself; limit: 1"
                    + " to 50 (8). 404 when the product is not one of the business's.")
    List<SemanticSearch.Similar> similar(@PathVariable UUID id, @RequestParam(defaultValue = "8") int limit) {
        return search.similar(id, limit);
    }

    @GetMapping("/embeddings")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "How many products have an embedding, by which model, and whether pgvector compares them")
    EmbeddingsState embeddings() {
        return new EmbeddingsState(search.embedded(), SentenceEncoder.MODEL, SentenceEncoder.DIMENSION,
                search.usesPgvector());
    }

    @PostMapping("/embeddings/refresh")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    @Operation(summary = "Bring every product's embedding up to date, in the background",
            description = "202 with the job (progress in products at GET /api/v1/jobs/{id}); products whose text did"
                    + " not change are not encoded again. Its result: products, embedded, unchanged, removed, millis.")
    ResponseEntity<JobView> refresh() {
        UUID tenant = tenantContext.requireTenant();
        UUID id = jobs.start("assistant-embeddings", progress -> index.refresh(tenant, progress));
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }
}
