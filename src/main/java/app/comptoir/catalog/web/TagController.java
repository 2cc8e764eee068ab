package app.comptoir.catalog.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductFacets;

/** The tenant's tags (free, lower-case) with how many products carry each. */
@RestController
@RequestMapping("/api/v1/tags")
@Tag(name = "Catalog")
class TagController {

    private final CatalogQueries queries;

    TagController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Tags in use, by name, optionally starting with q")
    List<ProductFacets.TagCount> list(@RequestParam(required = false) String q) {
        return queries.tags(q);
    }
}
