package app.comptoir.assistant.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.BulkDescriptionRequest;
import app.comptoir.assistant.BulkDescriptions;
import app.comptoir.assistant.CacheStats;
import app.comptoir.assistant.DescriptionRequest;
import app.comptoir.assistant.GeneratedDescription;
import app.comptoir.assistant.ProductDescriptions;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;

/** Product descriptions written by the business's provider or the built-in writer, cached. */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "Assistant: descriptions")
class DescriptionController {

    private final ProductDescriptions descriptions;
    private final BulkDescriptions bulk;
    private final Jobs jobs;

    DescriptionController(ProductDescriptions descriptions, BulkDescriptions bulk, Jobs jobs) {
        this.descriptions = descriptions;
        this.bulk = bulk;
        this.jobs = jobs;
    }

    @PostMapping("/descriptions")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    @Operation(summary = "Write (or take from the cache) a description of a product or one of its variants",
            description = "{productId | variantId, platform? (shop | vinted | social; shop), tone? (friendly | formal |"
                    + " fun; friendly), length? (short | medium | long; medium), language? (fr | en; the business's)}."
                    + " The answer says whether it came from the cache, which provider wrote it (builtin without a"
                    + " provider), the tokens and the cost of this request. Not saved into the product.")
    GeneratedDescription describe(@RequestBody DescriptionRequest body) {
        return descriptions.describe(body);
    }

    @PostMapping("/descriptions/bulk")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    @Operation(summary = "Write the descriptions of a selection of products in the background",
            description = "{productIds (1 to 500), platform?, tone?, length?, language?} as for one description. 202 with"
                    + " the job: its progress in products at GET /api/v1/jobs/{id}, and at the end its result: requested,"
                    + " written, fromCache, tokens, descriptions [{productId, description, cached, provider, tokens}],"
                    + " failed [{productId, problem, detail}]. The texts are cached, not saved into the products.")
    ResponseEntity<JobView> bulk(@RequestBody BulkDescriptionRequest body) {
        UUID id = bulk.start(body);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }

    @GetMapping("/cache-stats")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "The description cache's figures: hits, misses, hit rate, tokens and cost saved, entries")
    CacheStats cacheStats() {
        return descriptions.cacheStats();
    }
}
