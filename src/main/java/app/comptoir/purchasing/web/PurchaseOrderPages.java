package app.comptoir.purchasing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.purchasing.PurchaseOrderDocuments;
import app.comptoir.purchasing.application.LineDraft;
import app.comptoir.purchasing.application.PurchaseOrderChanges;
import app.comptoir.purchasing.application.PurchaseOrderDraft;
import app.comptoir.purchasing.application.PurchaseOrderView;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.application.ReceiptRequest;
import app.comptoir.purchasing.application.Suppliers;
import app.comptoir.purchasing.domain.LineQuantity;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;
import app.comptoir.purchasing.persistence.PurchaseOrderSummary;
import app.comptoir.purchasing.persistence.SupplierView;

/**
 * The purchase order pages: the list (filters, status badges, paging), a new draft for a supplier, and the order's
 * page: its lines (added with the catalog's variant picker while it is a draft), the acts its status allows, the
 * receipt form (each line prefilled with what remains, into a chosen location), the timeline, the PDF.
 */
@PageController
@RequestMapping("/app/purchasing/orders")
@PreAuthorize("@rolePermissions.has('READ')")
class PurchaseOrderPages {

    private static final String LIST = "purchasing/orders/list";
    private static final String PAGE = "purchasing/orders/page";
    private static final int PICKER_RESULTS = 10;

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final PurchaseOrderDocuments documents;
    private final CatalogQueries catalog;
    private final StockQueries stock;
    private final StockLocations locations;

    PurchaseOrderPages(PurchaseOrders orders, Suppliers suppliers, PurchaseOrderDocuments documents,
                       CatalogQueries catalog, StockQueries stock, StockLocations locations) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.documents = documents;
        this.catalog = catalog;
        this.stock = stock;
        this.locations = locations;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) UUID supplier,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PurchaseOrderStatus statusFilter = status(status);
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        String query = q == null || q.isBlank() ? null : q.strip();
        PageResponse<PurchaseOrderSummary> results;
        try {
            results = orders.search(new PurchaseOrderFilter(fromDay, toDay, statusFilter, supplier, query),
                    Math.max(0, page), SupplierPages.PAGE_SIZE);
        } catch (InvalidInputException e) {
            // "to" before "from": the list of that empty interval, with the reason next to the filter.
            model.addAttribute("filterError", e.errors().getFirst().field());
            results = new PageResponse<>(List.of(), 0, 0, SupplierPages.PAGE_SIZE);
        }
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/purchasing/orders");
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", statusFilter);
        filters.put("supplier", supplier);
        filters.put("from", fromDay);
        filters.put("to", toDay);
        filters.put("q", query);
        filters.forEach((k, v) -> {
            if (v != null) {
                base.queryParam(k, v);
            }
        });
        model.addAttribute("orders", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("status", statusFilter);
        model.addAttribute("statuses", PurchaseOrderStatus.values());
        model.addAttribute("supplierId", supplier);
        model.addAttribute("suppliers", suppliers.list(null, false, 0, 200).items());
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("q", query == null ? "" : query);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: results" : LIST;
    }

    @GetMapping("/new")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String newOrder(@RequestParam(required = false) UUID supplier, Model model) {
        model.addAttribute("supplierId", supplier);
        return newPage(model);
    }

    @PostMapping("/new")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String create(@RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String expectedOn,
                  @RequestParam(required = false) String notes, Model model, RedirectAttributes redirect) {
        try {
            PurchaseOrderView order = orders.create(new PurchaseOrderDraft(supplierId, date("expectedOn", expectedOn),
                    notes, List.of(), null, null));
            redirect.addFlashAttribute("flash", "purchasing.order.created");
            redirect.addFlashAttribute("flashArgument", order.number());
            return "redirect:/app/purchasing/orders/" + order.id();
        } catch (InvalidInputException e) {
            model.addAttribute("supplierId", supplierId);
            model.addAttribute("expectedOn", expectedOn);
            model.addAttribute("notes", notes);
            model.addAttribute("errors", errors(e));
            return newPage(model);
        }
    }

    private String newPage(Model model) {
        model.addAttribute("suppliers", suppliers.list(null, false, 0, 200).items());
        return "purchasing/orders/new";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        PurchaseOrderView order = orders.find(id);
        model.addAttribute("order", order);
        model.addAttribute("locations", locations.all());
        SupplierView supplier = suppliers.find(order.supplierId()).orElse(null);
        model.addAttribute("supplier", supplier);
        model.addAttribute("receiptId", app.comptoir.platform.Ids.newId());
        return PAGE;
    }

    /** The variant picker of a draft: the sales form's picker, whose "add" buttons post here. */
    @GetMapping("/{id}/picker")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String picker(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        List<VariantSummary> results = find(q);
        model.addAttribute("results", results);
        model.addAttribute("available", results.isEmpty() ? Map.of()
                : stock.available(results.stream().map(VariantSummary::id).toList()));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("action", "/app/purchasing/orders/" + id + "/lines/add");
        return "sales/fragments :: pickerResults";
    }

    private List<VariantSummary> find(String typed) {
        String q = typed == null || typed.isBlank() ? null : typed.strip();
        if (q == null || q.length() > 100) {
            return List.of();
        }
        Map<UUID, VariantSummary> found = new LinkedHashMap<>();
        catalog.variantByBarcode(q.replace(" ", "")).ifPresent(v -> found.put(v.id(), v));
        catalog.variantBySku(q).ifPresent(v -> found.put(v.id(), v));
        catalog.variants(q, 0, PICKER_RESULTS).items().forEach(v -> found.putIfAbsent(v.id(), v));
        List<UUID> byName = catalog.search(new ProductQuery(q, null, null, ProductStatus.ACTIVE, null, null, null,
                null, 0, PICKER_RESULTS, false)).items().stream()
                .flatMap(p -> p.variants().stream().map(v -> v.id())).toList();
        catalog.variants(byName).forEach(v -> found.putIfAbsent(v.id(), v));
        return found.values().stream().filter(VariantSummary::active).limit(PICKER_RESULTS).toList();
    }

    @PostMapping("/{id}/lines/add")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String addLine(@PathVariable UUID id, @RequestParam UUID variantId, @RequestParam(required = false) String quantity,
                   RedirectAttributes redirect) {
        PurchaseOrderView order = orders.find(id);
        List<LineDraft> lines = drafts(order);
        Integer qty = PageForms.integer(quantity);
        lines.add(new LineDraft(variantId, null, null, null, qty == null ? 0 : qty, null));
        return change(id, new PurchaseOrderChanges(null, null, lines, null), "purchasing.order.lineAdded", redirect);
    }

    @PostMapping("/{id}/lines/{lineId}")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String changeLine(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(required = false) String quantity,
                      @RequestParam(required = false) String unitCost, RedirectAttributes redirect) {
        PurchaseOrderView order = orders.find(id);
        List<LineDraft> lines = new ArrayList<>();
        for (PurchaseOrderView.Line l : order.lines()) {
            if (l.id().equals(lineId)) {
                Integer qty = PageForms.integer(quantity);
                var cost = PageForms.number(unitCost, "unitCost", null);
                if (qty == null || cost == null) {
                    redirect.addFlashAttribute("lineError", lineId);
                    redirect.addFlashAttribute("purchasingError", qty == null ? "quantity" : "unitCost");
                    return "redirect:/app/purchasing/orders/" + id;
                }
                lines.add(new LineDraft(l.variantId(), l.supplierProductId(), l.sku(), l.label(), qty, cost));
            } else {
                lines.add(draft(l));
            }
        }
        return change(id, new PurchaseOrderChanges(null, null, lines, null), "purchasing.order.saved", redirect);
    }

    @PostMapping("/{id}/lines/{lineId}/remove")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String removeLine(@PathVariable UUID id, @PathVariable UUID lineId, RedirectAttributes redirect) {
        PurchaseOrderView order = orders.find(id);
        List<LineDraft> lines = order.lines().stream().filter(l -> !l.id().equals(lineId))
                .map(PurchaseOrderPages::draft).toList();
        return change(id, new PurchaseOrderChanges(null, null, lines, null), "purchasing.order.saved", redirect);
    }

    @PostMapping("/{id}/details")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String details(@PathVariable UUID id, @RequestParam(required = false) String expectedOn,
                   @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        try {
            return change(id, new PurchaseOrderChanges(date("expectedOn", expectedOn), notes == null ? "" : notes,
                    null, null), "purchasing.order.saved", redirect);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("purchasingError", e.errors().getFirst().field());
            return "redirect:/app/purchasing/orders/" + id;
        }
    }

    private String change(UUID id, PurchaseOrderChanges changes, String done, RedirectAttributes redirect) {
        return act(id, () -> orders.update(id, changes), done, redirect);
    }

    @PostMapping("/{id}/send")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String send(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, () -> orders.send(id), "purchasing.order.done.send", redirect);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, () -> orders.confirm(id), "purchasing.order.done.confirm", redirect);
    }

    @PostMapping("/{id}/ship")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String ship(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, () -> orders.ship(id), "purchasing.order.done.ship", redirect);
    }

    @PostMapping("/{id}/deliver")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String deliver(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, () -> orders.markDelivered(id), "purchasing.order.done.deliver", redirect);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, () -> orders.cancel(id, reason), "purchasing.order.done.cancel", redirect);
    }

    /** The receipt form: one quantity per line (prefilled with what remains), into a location. */
    @PostMapping("/{id}/receipts")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String receive(@PathVariable UUID id, @RequestParam(required = false) UUID receiptId,
                   @RequestParam(required = false) UUID locationId, @RequestParam(required = false) String note,
                   @RequestParam(name = "lineId", required = false) List<UUID> lineIds,
                   @RequestParam(name = "quantity", required = false) List<String> quantities,
                   RedirectAttributes redirect) {
        List<LineQuantity> lines = new ArrayList<>();
        if (lineIds != null) {
            for (int i = 0; i < lineIds.size(); i++) {
                String typed = quantities != null && i < quantities.size() ? quantities.get(i) : null;
                Integer quantity = typed == null || typed.isBlank() ? Integer.valueOf(0) : PageForms.integer(typed);
                lines.add(new LineQuantity(lineIds.get(i), quantity == null ? -1 : quantity));
            }
        }
        // The form carries an id made when it was shown: a double submission records one receipt.
        return act(id, () -> orders.receive(id, new ReceiptRequest(receiptId, locationId, note, lines), null).order(),
                "purchasing.order.received", redirect);
    }

    @PostMapping("/{id}/order-again")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String orderAgain(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            PurchaseOrderView copy = orders.orderAgain(id);
            redirect.addFlashAttribute("flash", "purchasing.order.created");
            redirect.addFlashAttribute("flashArgument", copy.number());
            return "redirect:/app/purchasing/orders/" + copy.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("purchasingConflict", e.getMessage());
            return "redirect:/app/purchasing/orders/" + id;
        }
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        PurchaseOrderDocuments.PurchaseOrderDocument document = documents.purchaseOrder(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName())
                        .build().toString())
                .body(document.pdf());
    }

    private String act(UUID id, java.util.function.Supplier<PurchaseOrderView> act, String done,
                       RedirectAttributes redirect) {
        try {
            act.get();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("purchasingError", e.errors().getFirst().field());
            redirect.addFlashAttribute("purchasingErrorMessage", e.errors().getFirst().message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("purchasingConflict", e.getMessage());
        }
        return "redirect:/app/purchasing/orders/" + id;
    }

    private static List<LineDraft> drafts(PurchaseOrderView order) {
        return new ArrayList<>(order.lines().stream().map(PurchaseOrderPages::draft).toList());
    }

    private static LineDraft draft(PurchaseOrderView.Line l) {
        return new LineDraft(l.variantId(), l.supplierProductId(), l.sku(), l.label(), l.quantity(), l.unitCost());
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        return errors;
    }

    private static PurchaseOrderStatus status(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return PurchaseOrderStatus.valueOf(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate day(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(String field, String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, "must be a date (yyyy-MM-dd)");
        }
    }
}
