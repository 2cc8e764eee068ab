package app.comptoir.sales.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.StockQueries;

/**
 * Finds what a quote or an order line can sell from what the counter types: a barcode scanned, a SKU (or
 * its beginning), or words of a product's name (the catalog's typo-tolerant search). Exact codes come first.
 */
@Component
class VariantPicker {

    static final int MAX_RESULTS = 10;

    private final CatalogQueries catalog;
    private final StockQueries stock;

    VariantPicker(CatalogQueries catalog, StockQueries stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    /**
     * The picker's answer (the {@code sales/fragments :: pickerResults} fragment): the variants matching the
     * text, the quantity available of each (all locations; none known is 0, flagged out of stock) and the
     * address their "add" buttons post to.
     */
    String answer(String typed, String action, Model model) {
        List<VariantSummary> results = find(typed);
        model.addAttribute("results", results);
        model.addAttribute("available", results.isEmpty() ? Map.of()
                : stock.available(results.stream().map(VariantSummary::id).toList()));
        model.addAttribute("q", typed == null ? "" : typed.strip());
        model.addAttribute("action", action);
        return "sales/fragments :: pickerResults";
    }

    List<VariantSummary> find(String typed) {
        String q = SalesText.query(typed);
        if (q == null) {
            return List.of();
        }
        Map<UUID, VariantSummary> found = new LinkedHashMap<>();
        catalog.variantByBarcode(q.replace(" ", "")).ifPresent(v -> found.put(v.id(), v));
        catalog.variantBySku(q).ifPresent(v -> found.put(v.id(), v));
        catalog.variants(q, 0, MAX_RESULTS).items().forEach(v -> found.putIfAbsent(v.id(), v));
        List<UUID> byName = catalog.search(new ProductQuery(q, null, null, ProductStatus.ACTIVE, null, null, null, null,
                0, MAX_RESULTS, false)).items().stream()
                .flatMap(p -> p.variants().stream().filter(v -> v.active()).map(v -> v.id())).toList();
        catalog.variants(byName).forEach(v -> found.putIfAbsent(v.id(), v));
        return found.values().stream().filter(v -> v.active() && v.productStatus() == ProductStatus.ACTIVE)
                .limit(MAX_RESULTS).toList();
    }
}
