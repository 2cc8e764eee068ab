package app.comptoir.assistant.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import app.comptoir.assistant.SemanticSearch;
import app.comptoir.platform.PageController;

/** The similar products under a product's page in the back office (the catalog's page includes {@code assistant/similar}). */
@PageController
@RequestMapping("/app/assistant/products")
@PreAuthorize("@rolePermissions.has('READ')")
class SimilarProductPages {

    /** How many similar products the product page lists. */
    static final int SHOWN = 6;

    private final SemanticSearch search;

    SimilarProductPages(SemanticSearch search) {
        this.search = search;
    }

    @GetMapping("/{id}/similar")
    String similar(@PathVariable UUID id, Model model) {
        model.addAttribute("similar", search.similar(id, SHOWN));
        return "assistant/similar :: list";
    }
}
