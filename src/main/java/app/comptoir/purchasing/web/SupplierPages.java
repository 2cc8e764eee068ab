package app.comptoir.purchasing.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.application.SuppliedVariant;
import app.comptoir.purchasing.application.SupplierVariantRequest;
import app.comptoir.purchasing.application.Suppliers;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;
import app.comptoir.purchasing.persistence.SupplierView;

/**
 * The supplier pages: the list (search, favourites, call and WhatsApp links, map), the supplier's form and its
 * detail with the variants it supplies (the preferred one marked) and its latest purchase orders.
 */
@PageController
@RequestMapping("/app/purchasing/suppliers")
@PreAuthorize("@rolePermissions.has('READ')")
class SupplierPages {

    static final int PAGE_SIZE = 25;
    private static final String LIST = "purchasing/suppliers/list";
    private static final String PAGE = "purchasing/suppliers/page";

    private final Suppliers suppliers;
    private final PurchaseOrders orders;
    private final CatalogQueries catalog;

    SupplierPages(Suppliers suppliers, PurchaseOrders orders, CatalogQueries catalog) {
        this.suppliers = suppliers;
        this.orders = orders;
        this.catalog = catalog;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean favourite,
                @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        PageResponse<SupplierView> results = suppliers.list(query, favourite, Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/purchasing/suppliers");
        if (query != null) {
            base.queryParam("q", query);
        }
        if (favourite) {
            base.queryParam("favourite", true);
        }
        model.addAttribute("suppliers", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("favourite", favourite);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: results" : LIST;
    }

    @GetMapping("/new")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String newSupplier(Model model) {
        model.addAttribute("form", SupplierForm.blank());
        return page(null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String create(@ModelAttribute("form") SupplierForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        return PageForms.submit(binding, () -> {
            SupplierView created = suppliers.create(form.toRequest());
            redirect.addFlashAttribute("flash", "purchasing.supplier.created");
            redirect.addFlashAttribute("flashArgument", created.name());
            return "redirect:/app/purchasing/suppliers/" + created.id();
        }, () -> page(null, model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        SupplierView supplier = suppliers.get(id);
        model.addAttribute("form", SupplierForm.of(supplier));
        return page(supplier, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String update(@PathVariable UUID id, @ModelAttribute("form") SupplierForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        SupplierView supplier = suppliers.get(id);
        try {
            return PageForms.submit(binding, () -> {
                SupplierView saved = suppliers.update(id, form.toRequest());
                redirect.addFlashAttribute("flash", "purchasing.supplier.saved");
                redirect.addFlashAttribute("flashArgument", saved.name());
                return "redirect:/app/purchasing/suppliers/" + id;
            }, () -> page(supplier, model));
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.type());
            return page(supplier, model);
        }
    }

    /** The star of the list and of the page: marks the supplier as favourite, or not any more. */
    @PostMapping("/{id}/favourite")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String favourite(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean favourite,
                     @RequestParam(required = false) String back, RedirectAttributes redirect) {
        suppliers.favourite(id, favourite);
        return "redirect:" + ("list".equals(back) ? "/app/purchasing/suppliers" : "/app/purchasing/suppliers/" + id);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        SupplierView supplier = suppliers.get(id);
        suppliers.delete(id);
        redirect.addFlashAttribute("flash", "purchasing.supplier.deleted");
        redirect.addFlashAttribute("flashArgument", supplier.name());
        return "redirect:/app/purchasing/suppliers";
    }

    @PostMapping("/{id}/variants")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String addVariant(@PathVariable UUID id, @ModelAttribute("variantForm") SupplierVariantForm form,
                      BindingResult binding, Model model, RedirectAttributes redirect) {
        SupplierView supplier = suppliers.get(id);
        BigDecimal cost = PageForms.number(form.cost(), "cost", binding);
        VariantSummary variant = null;
        if (form.sku() == null || form.sku().isBlank()) {
            binding.rejectValue("sku", "required", "is required");
        } else {
            variant = catalog.variantBySku(form.sku().strip()).orElse(null);
            if (variant == null) {
                binding.rejectValue("sku", "unknown", "is not a SKU of the catalog");
            }
        }
        UUID variantId = variant == null ? null : variant.id();
        model.addAttribute("form", SupplierForm.of(supplier));
        return PageForms.submit(binding, () -> {
            suppliers.addVariant(id, new SupplierVariantRequest(variantId, form.supplierSku(), cost,
                    PageForms.integer(form.packSize()), PageForms.integer(form.minQuantity()),
                    PageForms.integer(form.leadTimeDays()), Boolean.TRUE.equals(form.preferred())));
            redirect.addFlashAttribute("flash", "purchasing.supplier.variantAdded");
            return "redirect:/app/purchasing/suppliers/" + id + "#variants";
        }, () -> page(supplier, model));
    }

    @PostMapping("/{id}/variants/{supplierVariantId}/preferred")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String prefer(@PathVariable UUID id, @PathVariable UUID supplierVariantId,
                  @RequestParam(defaultValue = "true") boolean preferred, RedirectAttributes redirect) {
        SuppliedVariant current = suppliers.variants(id).stream().filter(v -> v.id().equals(supplierVariantId))
                .findFirst().orElseThrow(() -> new app.comptoir.platform.NotFoundException("Supplier variant",
                        supplierVariantId));
        suppliers.updateVariant(id, supplierVariantId, new SupplierVariantRequest(null, current.supplierSku(),
                current.cost(), current.packSize(), current.minQuantity(), current.leadTimeDays(), preferred));
        redirect.addFlashAttribute("flash", "purchasing.supplier.variantSaved");
        return "redirect:/app/purchasing/suppliers/" + id + "#variants";
    }

    @PostMapping("/{id}/variants/{supplierVariantId}/delete")
    @PreAuthorize("@rolePermissions.has('PURCHASES_WRITE')")
    String removeVariant(@PathVariable UUID id, @PathVariable UUID supplierVariantId, RedirectAttributes redirect) {
        suppliers.removeVariant(id, supplierVariantId);
        redirect.addFlashAttribute("flash", "purchasing.supplier.variantRemoved");
        return "redirect:/app/purchasing/suppliers/" + id + "#variants";
    }

    private String page(SupplierView supplier, Model model) {
        model.addAttribute("supplier", supplier);
        if (!model.containsAttribute("variantForm")) {
            model.addAttribute("variantForm", SupplierVariantForm.blank());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "variantForm",
                    new BeanPropertyBindingResult(SupplierVariantForm.blank(), "variantForm"));
        }
        if (supplier != null) {
            model.addAttribute("variants", suppliers.variants(supplier.id()));
            model.addAttribute("orders", orders.search(new PurchaseOrderFilter(null, null, null, supplier.id(), null),
                    0, 10));
            model.addAttribute("whatsapp", SupplierLinks.whatsappOf(supplier.phone()));
            model.addAttribute("map", SupplierLinks.mapOf(supplier));
        }
        return PAGE;
    }
}
