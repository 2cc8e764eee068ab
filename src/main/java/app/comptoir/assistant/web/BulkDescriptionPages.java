package app.comptoir.assistant.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.assistant.BulkDescriptionRequest;
import app.comptoir.assistant.BulkDescriptions;
import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductCard;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Descriptions for a selection of the product list, written in a background job ({@link BulkDescriptions}): the
 * selection is confirmed with its tone, length, language and platform, the job's progress shows while it runs, and
 * its texts come back editable, each with a box to keep it; the kept ones are saved into the products by the
 * catalog's page ({@code POST /app/catalog/products/descriptions}), which owns the products.
 */
@PageController
@RequestMapping("/app/assistant/descriptions/bulk")
@PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
class BulkDescriptionPages {

    private static final String PAGE = "assistant/bulk";

    private final BulkDescriptions bulk;
    private final CatalogQueries catalog;
    private final Jobs jobs;

    BulkDescriptionPages(BulkDescriptions bulk, CatalogQueries catalog, Jobs jobs) {
        this.bulk = bulk;
        this.catalog = catalog;
        this.jobs = jobs;
    }

    /** The selection to confirm (the product list's checked boxes); none chosen sends back to the list. */
    @GetMapping
    String confirm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        List<ProductCard> products = selected(request);
        if (products.isEmpty()) {
            redirect.addFlashAttribute("catalogConflict", "no-selection");
            return "redirect:/app/catalog/products";
        }
        model.addAttribute("products", products);
        model.addAttribute("tones", Tone.values());
        model.addAttribute("lengths", Length.values());
        model.addAttribute("platforms", TargetPlatform.values());
        return PAGE;
    }

    @PostMapping
    String start(HttpServletRequest request, @RequestParam(defaultValue = "FRIENDLY") Tone tone,
                 @RequestParam(defaultValue = "MEDIUM") Length length,
                 @RequestParam(defaultValue = "FR") Language language,
                 @RequestParam(defaultValue = "SHOP") TargetPlatform platform, RedirectAttributes redirect) {
        List<UUID> ids = selected(request).stream().map(ProductCard::id).toList();
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("catalogConflict", "no-selection");
            return "redirect:/app/catalog/products";
        }
        UUID job = bulk.start(new BulkDescriptionRequest(ids, platform, tone, length, language));
        return "redirect:/app/assistant/descriptions/bulk/" + job;
    }

    /** The job: its progress while it runs (the page reloads itself at the end), then its texts to keep. */
    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        JobView job = jobs.get(id);
        if (!BulkDescriptions.JOB.equals(job.kind())) {
            throw new NotFoundException("descriptions job", id);
        }
        model.addAttribute("job", job);
        if (job.status() == JobView.Status.SUCCEEDED) {
            BulkDescriptions.Report report = jobs.result(job, BulkDescriptions.Report.class);
            List<UUID> ids = new ArrayList<>();
            report.descriptions().forEach(d -> ids.add(d.productId()));
            report.failed().forEach(f -> ids.add(f.productId()));
            Map<UUID, ProductCard> names = catalog.cards(ids).stream()
                    .collect(Collectors.toMap(ProductCard::id, Function.identity(), (a, b) -> a));
            model.addAttribute("report", report);
            model.addAttribute("names", names);
        }
        return PAGE;
    }

    /**
     * The live products of the business among the {@code productId} values (repeated parameters; values that are
     * not ids are left out, as the product list's address may be edited by hand).
     */
    private List<ProductCard> selected(HttpServletRequest request) {
        String[] values = request.getParameterValues("productId");
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException notAnId) {
                // skipped
            }
            if (ids.size() > BulkDescriptions.MAX_PRODUCTS) {
                throw InvalidInputException.field("productId",
                        "must list at most " + BulkDescriptions.MAX_PRODUCTS + " products");
            }
        }
        return catalog.cards(List.copyOf(ids));
    }
}
