package app.comptoir.purchasing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.purchasing.application.RecurringPurchaseOrders;
import app.comptoir.purchasing.application.RecurringPurchaseOrders.LineRequest;
import app.comptoir.purchasing.application.RecurringPurchaseOrders.RecurringRequest;
import app.comptoir.purchasing.application.Suppliers;

/**
 * The recurring purchase orders page: the templates with their next run, and a form to add one (supplier, name,
 * every N weeks on a weekday, lines by SKU and quantity at the supplier's cost). Errors come back next to their field.
 */
@PageController
@RequestMapping("/app/purchasing/recurring")
class RecurringPurchaseOrderPages {

    /** Blank line rows the form offers. */
    static final int FORM_LINES = 5;

    private final RecurringPurchaseOrders recurring;
    private final Suppliers suppliers;
    private final CatalogQueries catalog;

    RecurringPurchaseOrderPages(RecurringPurchaseOrders recurring, Suppliers suppliers, CatalogQueries catalog) {
        this.recurring = recurring;
        this.suppliers = suppliers;
        this.catalog = catalog;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("form", new Form(null, "", 1, 1, blank(List.of(), List.of())));
        return show(model, Map.of());
    }

    @PostMapping
    String create(@RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) Integer everyWeeks, @RequestParam(required = false) Integer dayOfWeek,
                  @RequestParam(name = "sku", required = false) List<String> skus,
                  @RequestParam(name = "quantity", required = false) List<String> quantities, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineRequest> lines = new ArrayList<>();
        List<String> skuList = skus == null ? List.of() : skus;
        List<String> quantityList = quantities == null ? List.of() : quantities;
        for (int i = 0; i < skuList.size(); i++) {
            String sku = skuList.get(i) == null ? "" : skuList.get(i).strip();
            String quantity = i < quantityList.size() && quantityList.get(i) != null ? quantityList.get(i).strip() : "";
            if (sku.isEmpty() && quantity.isEmpty()) {
                continue;
            }
            VariantSummary variant = sku.isEmpty() || sku.length() > 60 ? null : catalog.variantBySku(sku).orElse(null);
            Integer amount = parse(quantity);
            if (variant == null) {
                errors.put("sku" + i, "sku");
            } else if (amount == null || amount < 1) {
                errors.put("quantity" + i, "quantity");
            } else {
                lines.add(new LineRequest(variant.id(), amount, null));
            }
        }
        Form form = new Form(supplierId, name == null ? "" : name, everyWeeks == null ? 1 : everyWeeks,
                dayOfWeek == null ? 1 : dayOfWeek, blank(skuList, quantityList));
        if (errors.isEmpty()) {
            try {
                recurring.create(new RecurringRequest(supplierId, name, everyWeeks, dayOfWeek, null, true, lines, null));
                return "redirect:/app/purchasing/recurring";
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.putIfAbsent(error.field().startsWith("lines") ? "lines"
                        : error.field(), error.field()));
            }
        }
        model.addAttribute("form", form);
        return show(model, errors);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id) {
        recurring.delete(id);
        return "redirect:/app/purchasing/recurring";
    }

    /** The form as typed: supplier, name, schedule, and line rows (sku, quantity). */
    record Form(UUID supplierId, String name, int everyWeeks, int dayOfWeek, List<List<String>> lines) {
    }

    private String show(Model model, Map<String, String> errors) {
        model.addAttribute("templates", recurring.list());
        model.addAttribute("suppliers", suppliers.list(null, false, 0, 200).items());
        model.addAttribute("errors", errors);
        return "purchasing/recurring";
    }

    private static List<List<String>> blank(List<String> skus, List<String> quantities) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(FORM_LINES, skus.size()); i++) {
            rows.add(List.of(i < skus.size() && skus.get(i) != null ? skus.get(i) : "",
                    i < quantities.size() && quantities.get(i) != null ? quantities.get(i) : ""));
        }
        return rows;
    }

    private static Integer parse(String text) {
        try {
            return text.isEmpty() || text.length() > 10 ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
