package app.comptoir.inventory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.InsufficientStockException;
import app.comptoir.inventory.Movement;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.StockFigures;
import app.comptoir.inventory.StockFilter;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.inventory.StockQueries;
import app.comptoir.inventory.StockStatus;
import app.comptoir.inventory.application.CountRequest;
import app.comptoir.inventory.application.CountResult;
import app.comptoir.inventory.application.MovementExports;
import app.comptoir.inventory.application.RecordedMovements;
import app.comptoir.inventory.application.StockCounts;
import app.comptoir.inventory.application.StockThresholds;
import app.comptoir.inventory.application.VariantStocks;
import app.comptoir.inventory.domain.MovementFilter;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.application.AlertRules;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.application.AlertView;
import app.comptoir.inventory.application.Alerts;
import app.comptoir.inventory.application.ReorderSuggestions;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.Exports;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/** The stock screens: levels with quick entry and exit, a variant's history, journal, count, alerts, rules, reorder. */
@PageController
@RequestMapping("/app/inventory/stock")
class InventoryPages {

    private static final int PAGE_SIZE = 25;

    private final StockQueries queries;
    private final StockMovements movements;
    private final StockCounts counts;
    private final RecordedMovements journal;
    private final VariantStocks variantStocks;
    private final StockThresholds thresholds;
    private final StockLocations locations;
    private final CatalogQueries catalog;
    private final Alerts alerts;
    private final AlertRules rules;
    private final ReorderSuggestions reorder;
    private final app.comptoir.platform.TenantContext tenantContext;
    private final MovementExports movementExports;
    private final Jobs jobs;

    InventoryPages(app.comptoir.platform.TenantContext tenantContext, StockQueries queries, StockMovements movements,
                   StockCounts counts, RecordedMovements journal, VariantStocks variantStocks, StockThresholds thresholds,
                   StockLocations locations, CatalogQueries catalog, Alerts alerts, AlertRules rules,
                   ReorderSuggestions reorder, MovementExports movementExports, Jobs jobs) {
        this.movementExports = movementExports;
        this.jobs = jobs;
        this.queries = queries;
        this.movements = movements;
        this.counts = counts;
        this.journal = journal;
        this.variantStocks = variantStocks;
        this.thresholds = thresholds;
        this.locations = locations;
        this.catalog = catalog;
        this.alerts = alerts;
        this.rules = rules;
        this.reorder = reorder;
        this.tenantContext = tenantContext;
    }

    /** Whether the signed-in user may move stock and change thresholds and rules. */
    @org.springframework.web.bind.annotation.ModelAttribute("canMove")
    boolean canMove() {
        return tenantContext.principal().map(p -> p.has(app.comptoir.platform.Role.ADMIN)
                || p.has(app.comptoir.platform.Role.MANAGER)).orElse(false);
    }

    @GetMapping
    String levels(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) UUID location, @RequestParam(defaultValue = "0") int page,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        // Filters come from a URL anyone can edit: unknown values mean "no filter".
        StockStatus statusFilter = Arrays.stream(StockStatus.values()).filter(s -> s.name().equalsIgnoreCase(status))
                .findFirst().orElse(null);
        String query = q == null ? "" : q.strip();
        PageResponse<StockLevelView> results = queries.levels(new StockFilter(location, statusFilter, null,
                query.isEmpty() ? null : query), Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/inventory/stock");
        if (!query.isEmpty()) {
            base.queryParam("q", query);
        }
        if (statusFilter != null) {
            base.queryParam("status", statusFilter.name());
        }
        if (location != null) {
            base.queryParam("location", location);
        }
        model.addAttribute("levels", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("q", query);
        model.addAttribute("status", statusFilter);
        model.addAttribute("location", location);
        model.addAttribute("statuses", List.of(StockStatus.values()));
        model.addAttribute("locations", locations.all());
        model.addAttribute("unreadAlerts", alerts.unread());
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? "inventory/levels :: results" : "inventory/levels";
    }

    @PostMapping("/quick")
    @PreAuthorize("@rolePermissions.has('STOCK_WRITE')")
    String quick(@RequestParam String code, @RequestParam(required = false) Integer quantity,
                 @RequestParam String direction, @RequestParam(required = false) UUID location,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        MovementType type = "out".equals(direction) ? MovementType.ISSUE : MovementType.RECEIPT;
        try {
            VariantSummary variant = find(code);
            Movement movement = movements.record(new MovementRequest(null, variant.id(), type, quantity, location,
                    null, reason, null));
            redirect.addFlashAttribute("flash", type == MovementType.ISSUE ? "inventory.quick.out" : "inventory.quick.in");
            redirect.addFlashAttribute("flashArgument", movement.sku() + " → " + movement.balanceAfter());
        } catch (InsufficientStockException e) {
            redirect.addFlashAttribute("conflict", "insufficient-stock");
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("quickError", e.getMessage());
        }
        return "redirect:/app/inventory/stock";
    }

    @GetMapping("/variants/{id}")
    String variant(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("stock", variantStocks.of(id));
        model.addAttribute("thresholds", thresholds.of(id));
        PageResponse<Movement> history = journal.page(new MovementFilter(null, id, null, null, null),
                Math.max(0, page), PAGE_SIZE);
        model.addAttribute("movements", history);
        model.addAttribute("pager", Pager.of(history, UriComponentsBuilder.fromPath("/app/inventory/stock/variants/" + id)));
        model.addAttribute("locationNames", locationNames());
        return "inventory/variant";
    }

    @PostMapping("/variants/{id}/thresholds")
    @PreAuthorize("@rolePermissions.has('STOCK_WRITE')")
    String setThresholds(@PathVariable UUID id, @RequestParam(required = false) Integer alertLevel,
                         @RequestParam(required = false) Integer overstockLevel,
                         @RequestParam(required = false) Integer reorderPoint,
                         @RequestParam(required = false) Integer reorderQuantity,
                         @RequestParam(required = false) Integer leadTimeDays, RedirectAttributes redirect) {
        try {
            thresholds.set(id, new Thresholds(alertLevel, overstockLevel, reorderPoint, reorderQuantity, leadTimeDays));
            redirect.addFlashAttribute("flash", "inventory.thresholds.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("quickError", e.getMessage());
        }
        return "redirect:/app/inventory/stock/variants/" + id;
    }

    @GetMapping("/movements")
    String journal(@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(required = false) UUID export, Model model) {
        if (export != null) {
            JobView job = jobs.get(export);
            if (!MovementExports.JOB.equals(job.kind())) {
                throw new NotFoundException("export", export);
            }
            model.addAttribute("exportJob", job);
        }
        MovementType typeFilter = movementType(type);
        PageResponse<Movement> results = journal.page(new MovementFilter(typeFilter, null, null, null, null),
                Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/inventory/stock/movements");
        if (typeFilter != null) {
            base.queryParam("type", typeFilter.name());
        }
        model.addAttribute("movements", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("type", typeFilter);
        model.addAttribute("types", List.of(MovementType.values()));
        model.addAttribute("locationNames", locationNames());
        return "inventory/movements";
    }

    /**
     * The journal (of the type shown) as CSV or Excel, made in the background: back to the journal, which follows
     * the export with a progress bar and ends with the download link.
     */
    @PostMapping("/movements/export")
    String exportJournal(@RequestParam(required = false) String format, @RequestParam(required = false) String type,
                         Locale locale) {
        MovementType typeFilter = movementType(type);
        UUID job = movementExports.start(new MovementFilter(typeFilter, null, null, null, null),
                Exports.Format.named(format), locale);
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/app/inventory/stock/movements");
        if (typeFilter != null) {
            back.queryParam("type", typeFilter.name());
        }
        return "redirect:" + back.queryParam("export", job).toUriString();
    }

    private static MovementType movementType(String type) {
        return Arrays.stream(MovementType.values()).filter(t -> t.name().equalsIgnoreCase(type)).findFirst()
                .orElse(null);
    }

    @GetMapping("/count")
    String countForm(Model model) {
        model.addAttribute("locations", locations.all());
        return "inventory/count";
    }

    @PostMapping("/count")
    @PreAuthorize("@rolePermissions.has('STOCK_WRITE')")
    String count(@RequestParam String code, @RequestParam(required = false) Integer countedQuantity,
                 @RequestParam(required = false) UUID location, RedirectAttributes redirect) {
        try {
            CountResult result = counts.count(new CountRequest(null, find(code).id(), location, countedQuantity,
                    null));
            redirect.addFlashAttribute("flash", result.adjustment() == null ? "inventory.count.same"
                    : "inventory.count.adjusted");
            redirect.addFlashAttribute("flashArgument", result.level().sku() + " : " + result.level().onHand());
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("quickError", e.getMessage());
        }
        return "redirect:/app/inventory/stock/count";
    }

    @GetMapping("/alerts")
    String alertsPage(@RequestParam(required = false) String severity, @RequestParam(required = false) String type,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        // Filters come from a URL anyone can edit: unknown values mean "no filter".
        String severityFilter = Alerts.SEVERITIES.stream().filter(s -> s.equalsIgnoreCase(severity)).findFirst()
                .orElse(null);
        AlertType typeFilter = Arrays.stream(AlertType.values()).filter(t -> t.name().equalsIgnoreCase(type))
                .findFirst().orElse(null);
        PageResponse<AlertView> open = alerts.list(null, severityFilter, typeFilter, Math.max(0, page), PAGE_SIZE);
        // The page's alerts in runs of one type (the list is ordered by severity, then type).
        java.util.Map<AlertType, List<AlertView>> grouped = new java.util.LinkedHashMap<>();
        for (AlertView alert : open.items()) {
            grouped.computeIfAbsent(alert.type(), t -> new java.util.ArrayList<>()).add(alert);
        }
        List<StockFigures.AlertCount> groups = alerts.groups();
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/inventory/stock/alerts");
        if (severityFilter != null) {
            base.queryParam("severity", severityFilter);
        }
        if (typeFilter != null) {
            base.queryParam("type", typeFilter.name());
        }
        model.addAttribute("grouped", grouped);
        model.addAttribute("groups", groups);
        model.addAttribute("openTotal", groups.stream().mapToLong(StockFigures.AlertCount::count).sum());
        model.addAttribute("results", open);
        model.addAttribute("pager", Pager.of(open, base));
        model.addAttribute("severity", severityFilter);
        model.addAttribute("type", typeFilter);
        model.addAttribute("severities", Alerts.SEVERITIES);
        model.addAttribute("types", List.of(AlertType.OUT_OF_STOCK, AlertType.LOW_STOCK, AlertType.OVERSTOCK,
                AlertType.SLOW_MOVING));
        model.addAttribute("unreadAlerts", alerts.unread());
        model.addAttribute("locationNames", locationNames());
        return "inventory/alerts";
    }

    @PostMapping("/alerts/read-all")
    String markAllRead(RedirectAttributes redirect) {
        alerts.markAllRead();
        redirect.addFlashAttribute("flash", "inventory.alerts.allRead");
        return "redirect:/app/inventory/stock/alerts";
    }

    @PostMapping("/alerts/{id}/dismiss")
    @PreAuthorize("@rolePermissions.has('ALERTS_MANAGE')")
    String dismiss(@PathVariable UUID id) {
        alerts.dismiss(id);
        return "redirect:/app/inventory/stock/alerts";
    }

    @GetMapping("/alert-rules")
    String rulesPage(Model model) {
        locations.defaultLocation();
        model.addAttribute("rules", rules.all());
        return "inventory/rules";
    }

    @PostMapping("/alert-rules/{id}")
    @PreAuthorize("@rolePermissions.has('STOCK_WRITE')")
    String updateRule(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean enabled,
                      @RequestParam(required = false) Integer threshold,
                      @RequestParam(required = false) List<String> channels, RedirectAttributes redirect) {
        try {
            rules.update(id, enabled, threshold, channels);
            redirect.addFlashAttribute("flash", "inventory.rules.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("quickError", e.getMessage());
        }
        return "redirect:/app/inventory/stock/alert-rules";
    }

    /** The suggestions, most urgent first, fifty a page (the garden shop's whole list weighed 280 KB). */
    @GetMapping("/reorder")
    String reorderPage(@RequestParam(defaultValue = "0") int page, Model model) {
        var shown = app.comptoir.platform.PageResponse.slice(reorder.all(), page, REORDER_PAGE_SIZE);
        model.addAttribute("suggestions", shown.items());
        model.addAttribute("pager", app.comptoir.platform.Pager.of(shown,
                UriComponentsBuilder.fromPath("/app/inventory/stock/reorder")));
        return "inventory/reorder";
    }

    private VariantSummary find(String code) {
        String clean = code == null ? "" : code.strip();
        if (clean.isEmpty()) {
            throw InvalidInputException.field("code", "is required");
        }
        return catalog.variantByBarcode(clean).or(() -> catalog.variantBySku(clean))
                .orElseThrow(() -> new app.comptoir.platform.NotFoundException("Variant with SKU or barcode", clean));
    }

    static final int REORDER_PAGE_SIZE = 50;

    private java.util.Map<UUID, String> locationNames() {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        locations.all().forEach(l -> names.put(l.id(), l.name()));
        return names;
    }
}
