package app.comptoir.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.CacheStats;
import app.comptoir.assistant.DescriptionRequest;
import app.comptoir.assistant.GeneratedDescription;
import app.comptoir.assistant.ProductDescriptions;

/** Product descriptions written by the business's provider or the built-in writer, cached. */
@RestController
@RequestMapping("/api/v1/ai")
@Tag(name = "Assistant: descriptions")
class DescriptionController {

    private final ProductDescriptions descriptions;

    DescriptionController(ProductDescriptions descriptions) {
        this.descriptions = descriptions;
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

    @GetMapping("/cache-stats")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "The description cache's figures: hits, misses, hit rate, tokens and cost saved, entries")
    CacheStats cacheStats() {
        return descriptions.cacheStats();
    }
}
