package app.comptoir.purchasing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.purchasing.application.Marketplace;
import app.comptoir.purchasing.application.MarketplaceOrders;
import app.comptoir.purchasing.application.PurchaseOrderView;

/**
 * The marketplace's pages for shopkeepers: search suppliers or products across registered catalogs, a supplier's
 * page (profile, catalog, reviews) and its "Commander" form (quantities, and optionally the SKU of the shopkeeper's
 * own item each product is received as), which creates a connected draft.
 */
@PageController
class MarketplacePages {

    private static final int PAGE_SIZE = 20;

    private final Marketplace marketplace;
    private final MarketplaceOrders orders;
    private final CatalogQueries catalog;
    private final Permissions permissions;

    MarketplacePages(Marketplace marketplace, MarketplaceOrders orders, CatalogQueries catalog, Permissions permissions) {
        this.marketplace = marketplace;
        this.orders = orders;
        this.catalog = catalog;
        this.permissions = permissions;
    }

    @GetMapping("/app/purchasing/marketplace")
    String search(@RequestParam(defaultValue = "suppliers") String tab, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String city,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        boolean products = "products".equals(tab);
        String text = q == null ? "" : q.strip();
        String cat = category == null ? "" : category.strip();
        String where = city == null ? "" : city.strip();
        PageResponse<?> results = products ? marketplace.products(text, cat, null, Math.max(0, page), PAGE_SIZE)
                : marketplace.suppliers(text, cat, where, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("tab", products ? "products" : "suppliers");
        model.addAttribute("q", text);
        model.addAttribute("category", cat);
        model.addAttribute("city", where);
        model.addAttribute("results", results);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/purchasing/marketplace")
                .queryParam("tab", products ? "products" : "suppliers");
        nonEmpty(base, "q", text);
        nonEmpty(base, "category", cat);
        nonEmpty(base, "city", where);
        model.addAttribute("pager", Pager.of(results, base));
        return "purchasing/marketplace/search";
    }

    @GetMapping("/app/purchasing/marketplace/suppliers/{id}")
    String supplier(@PathVariable UUID id, @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        return supplierPage(id, q, page, model);
    }

    @PostMapping("/app/purchasing/marketplace/suppliers/{id}/order")
    String order(@PathVariable UUID id, @RequestParam(name = "productId", required = false) List<UUID> productIds,
                 @RequestParam(name = "quantity", required = false) List<String> quantities,
                 @RequestParam(name = "sku", required = false) List<String> skus,
                 @RequestParam(required = false) String notes, Model model) {
        permissions.require(Permission.PURCHASES_WRITE);
        List<String> problems = new ArrayList<>();
        List<MarketplaceOrders.OrderLine> lines = new ArrayList<>();
        List<UUID> products = productIds == null ? List.of() : productIds;
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            String sku = skus != null && i < skus.size() ? skus.get(i).strip() : "";
            if (!sku.isEmpty()) {
                wanted.add(sku);
            }
        }
        Map<String, VariantSummary> bySku = catalog.variantsBySku(wanted).stream()
                .collect(Collectors.toMap(v -> v.sku().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        for (int i = 0; i < products.size(); i++) {
            String typed = quantities != null && i < quantities.size() ? quantities.get(i).strip() : "";
            if (typed.isEmpty() || typed.equals("0")) {
                continue;
            }
            Integer quantity;
            try {
                quantity = Integer.valueOf(typed);
            } catch (NumberFormatException e) {
                problems.add(typed);
                continue;
            }
            String sku = skus != null && i < skus.size() ? skus.get(i).strip() : "";
            VariantSummary variant = sku.isEmpty() ? null : bySku.get(sku.toLowerCase(Locale.ROOT));
            if (!sku.isEmpty() && variant == null) {
                problems.add(sku);
                continue;
            }
            lines.add(new MarketplaceOrders.OrderLine(products.get(i), quantity, variant == null ? null : variant.id()));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("orderError", "marketplace.order.unknown");
            model.addAttribute("orderErrorArgument", String.join(", ", problems));
            return supplierPage(id, null, 0, model);
        }
        if (lines.isEmpty()) {
            model.addAttribute("orderError", "marketplace.order.nothing");
            return supplierPage(id, null, 0, model);
        }
        try {
            PurchaseOrderView created = orders.order(id, new MarketplaceOrders.MarketplaceOrder(lines, null, notes));
            return "redirect:/app/purchasing/orders/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("orderMessages", e.errors().stream().map(f -> f.message()).toList());
        } catch (ConflictException e) {
            model.addAttribute("orderConflict", e.type());
        }
        return supplierPage(id, null, 0, model);
    }

    private String supplierPage(UUID id, String q, int page, Model model) {
        Marketplace.SupplierPage supplier = marketplace.supplier(id, q, Math.max(0, page), 50);
        model.addAttribute("page", supplier);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("pager", Pager.of(supplier.catalog(), UriComponentsBuilder
                .fromPath("/app/purchasing/marketplace/suppliers/" + id)));
        model.addAttribute("canOrder", permissions.has(Permission.PURCHASES_WRITE));
        return "purchasing/marketplace/supplier";
    }

    private static void nonEmpty(UriComponentsBuilder base, String name, String value) {
        base.queryParamIfPresent(name, Optional.of(value).filter(v -> !v.isEmpty()));
    }
}
