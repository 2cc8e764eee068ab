package app.comptoir.purchasing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.purchasing.application.ReceivedOrders;
import app.comptoir.purchasing.application.SupplierCatalog;
import app.comptoir.purchasing.application.SupplierCatalog.CatalogItem;
import app.comptoir.purchasing.application.SupplierCatalog.ItemInput;
import app.comptoir.purchasing.application.SupplierProfiles;
import app.comptoir.purchasing.application.SupplierProfiles.ProfileChange;
import app.comptoir.purchasing.application.SupplierProfiles.ProfileView;
import app.comptoir.purchasing.domain.SupplierOfferRules;
import app.comptoir.purchasing.persistence.SupplierOrderReads;

/**
 * The registered supplier's space ({@code /app/supplier}): its dashboard, the orders received from shopkeepers
 * (list with filters, detail with accept, refuse, ship and deliver), its catalog (list, search, add, edit, remove)
 * and its commercial profile.
 */
@PageController
class SupplierSpacePages {

    private static final int PAGE_SIZE = 20;

    private final SupplierProfiles profiles;
    private final SupplierCatalog catalog;
    private final ReceivedOrders received;
    private final Permissions permissions;

    SupplierSpacePages(SupplierProfiles profiles, SupplierCatalog catalog, ReceivedOrders received,
                       Permissions permissions) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.received = received;
        this.permissions = permissions;
    }

    /** The item form: text fields as typed, so a wrong entry comes back next to its field. */
    record ItemForm(String name, String category, String description, BigDecimal price, String unit,
                    Integer minQuantity, Integer availableStock, Boolean available) {

        static ItemForm of(CatalogItem i) {
            return new ItemForm(i.name(), i.category(), i.description(), i.price(), i.unit(), i.minQuantity(),
                    i.availableStock(), i.available());
        }

        ItemInput input() {
            return new ItemInput(name, category, description, price, unit, minQuantity, availableStock, available);
        }
    }

    /** The profile form; zones and categories as comma-separated text. */
    record ProfileForm(String company, String description, String city, String deliveryZones, String categories,
                       BigDecimal minimumOrder, Integer averageDeliveryDays, String phone, String email) {

        static ProfileForm of(ProfileView p) {
            return new ProfileForm(p.company(), p.description(), p.city(), String.join(", ", p.deliveryZones()),
                    String.join(", ", p.categories()), p.minimumOrder(), p.averageDeliveryDays(), p.phone(), p.email());
        }

        ProfileChange change() {
            return new ProfileChange(company, description, city, SupplierOfferRules.split(deliveryZones),
                    SupplierOfferRules.split(categories), minimumOrder, averageDeliveryDays, phone, email);
        }
    }

    @GetMapping("/app/supplier")
    String dashboard(Model model) {
        model.addAttribute("dashboard", profiles.dashboard());
        model.addAttribute("profile", profiles.current());
        model.addAttribute("statuses", List.of("SENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED"));
        return "purchasing/supplier/dashboard";
    }

    @GetMapping("/app/supplier/catalog")
    String catalog(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null ? "" : q.strip();
        PageResponse<CatalogItem> items = catalog.page(query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("items", items);
        model.addAttribute("q", query);
        model.addAttribute("pager", Pager.of(items, UriComponentsBuilder.fromPath("/app/supplier/catalog")
                .queryParamIfPresent("q", java.util.Optional.of(query).filter(s -> !s.isEmpty()))));
        model.addAttribute("canEdit", permissions.has(Permission.PURCHASES_WRITE));
        return "purchasing/supplier/catalog";
    }

    @GetMapping("/app/supplier/catalog/new")
    String newItem(Model model) {
        profiles.current();
        model.addAttribute("form", new ItemForm("", "", "", null, "unité", 1, null, true));
        return itemPage(null, model);
    }

    @GetMapping("/app/supplier/catalog/{id}")
    String item(@PathVariable UUID id, Model model) {
        model.addAttribute("form", ItemForm.of(catalog.find(id)));
        return itemPage(id, model);
    }

    @PostMapping("/app/supplier/catalog")
    String add(@ModelAttribute("form") ItemForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        permissions.require(Permission.PURCHASES_WRITE);
        if (result.hasErrors()) {
            return itemPage(null, model);
        }
        try {
            catalog.add(form.input());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return itemPage(null, model);
        }
        redirect.addFlashAttribute("flash", "supplier.catalog.saved");
        return "redirect:/app/supplier/catalog";
    }

    @PostMapping("/app/supplier/catalog/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("form") ItemForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        permissions.require(Permission.PURCHASES_WRITE);
        if (result.hasErrors()) {
            return itemPage(id, model);
        }
        try {
            catalog.change(id, form.input());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return itemPage(id, model);
        }
        redirect.addFlashAttribute("flash", "supplier.catalog.saved");
        return "redirect:/app/supplier/catalog";
    }

    @PostMapping("/app/supplier/catalog/{id}/delete")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        catalog.remove(id);
        redirect.addFlashAttribute("flash", "supplier.catalog.deleted");
        return "redirect:/app/supplier/catalog";
    }

    @GetMapping("/app/supplier/profile")
    String profile(Model model) {
        ProfileView profile = profiles.current();
        model.addAttribute("form", ProfileForm.of(profile));
        return profilePage(profile, model);
    }

    @PostMapping("/app/supplier/profile")
    String saveProfile(@ModelAttribute("form") ProfileForm form, BindingResult result, Model model,
                       RedirectAttributes redirect) {
        permissions.require(Permission.PURCHASES_WRITE);
        ProfileView profile = profiles.current();
        if (result.hasErrors()) {
            return profilePage(profile, model);
        }
        try {
            profiles.change(form.change());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return profilePage(profile, model);
        }
        redirect.addFlashAttribute("flash", "supplier.profile.saved");
        return "redirect:/app/supplier/profile";
    }

    @GetMapping("/app/supplier/orders")
    String orders(@RequestParam(required = false) String status, @RequestParam(required = false) String buyer,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        String s = status == null ? "" : status.strip();
        String b = buyer == null ? "" : buyer.strip();
        PageResponse<SupplierOrderReads.Summary> orders = received.list(s, b, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("orders", orders);
        model.addAttribute("status", s);
        model.addAttribute("buyer", b);
        model.addAttribute("statuses", List.of("SENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED"));
        model.addAttribute("pager", Pager.of(orders, UriComponentsBuilder.fromPath("/app/supplier/orders")
                .queryParamIfPresent("status", java.util.Optional.of(s).filter(v -> !v.isEmpty()))
                .queryParamIfPresent("buyer", java.util.Optional.of(b).filter(v -> !v.isEmpty()))));
        return "purchasing/supplier/orders";
    }

    @GetMapping("/app/supplier/orders/{id}")
    String order(@PathVariable UUID id, Model model) {
        model.addAttribute("order", received.find(id));
        model.addAttribute("canEdit", permissions.has(Permission.PURCHASES_WRITE));
        return "purchasing/supplier/order";
    }

    @PostMapping("/app/supplier/orders/{id}/accept")
    String accept(@PathVariable UUID id, RedirectAttributes redirect) {
        return moved(id, redirect, () -> received.accept(id));
    }

    @PostMapping("/app/supplier/orders/{id}/refuse")
    String refuse(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return moved(id, redirect, () -> received.refuse(id, reason));
    }

    @PostMapping("/app/supplier/orders/{id}/ship")
    String ship(@PathVariable UUID id, RedirectAttributes redirect) {
        return moved(id, redirect, () -> received.ship(id));
    }

    @PostMapping("/app/supplier/orders/{id}/deliver")
    String deliver(@PathVariable UUID id, RedirectAttributes redirect) {
        return moved(id, redirect, () -> received.deliver(id));
    }

    private String moved(UUID id, RedirectAttributes redirect, Runnable move) {
        permissions.require(Permission.PURCHASES_WRITE);
        try {
            move.run();
            redirect.addFlashAttribute("flash", "supplier.orders.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("conflict", "supplier-refusal-reason");
        } catch (ComptoirException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("conflict", "supplier-order-move");
        }
        return "redirect:/app/supplier/orders/" + id;
    }

    private String itemPage(UUID id, Model model) {
        model.addAttribute("itemId", id);
        model.addAttribute("currency", profiles.current().currency());
        return "purchasing/supplier/item";
    }

    private String profilePage(ProfileView profile, Model model) {
        model.addAttribute("profile", profile);
        return "purchasing/supplier/profile";
    }
}
