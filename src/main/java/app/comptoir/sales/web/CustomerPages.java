package app.comptoir.sales.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * The customer pages: the searchable list, and a customer's page with their details, their addresses
 * (default for delivery and for billing) and their orders. Drivers have no business here.
 */
@PageController
@RequestMapping("/app/sales/customers")
@PreAuthorize("@rolePermissions.has('READ')")
class CustomerPages {

    /** Enough to pick from while typing, few enough to read on a phone. */
    private static final int SUGGESTIONS = 8;
    static final int PAGE_SIZE = 25;
    private static final String LIST = "sales/customers/list";
    private static final String PAGE = "sales/customers/page";

    private final Customers customers;
    private final Orders orders;

    CustomerPages(Customers customers, Orders orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String query = SalesText.query(q);
        PageResponse<CustomerView> results = customers.list(query, Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = SalesText.base("/app/sales/customers", null, query);
        model.addAttribute("customers", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("q", query == null ? "" : query);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: results" : LIST;
    }

    /**
     * The customer autocomplete of a new order or quote ({@code for}: orders or quotes): the customers whose
     * name, e-mail or phone contains the text, each a link that starts the order or quote for them.
     */
    @GetMapping("/suggest")
    String suggest(@RequestParam(required = false) String q, @RequestParam(name = "for", required = false) String target,
                   Model model) {
        String query = SalesText.query(q);
        model.addAttribute("suggestions", query == null ? List.of() : customers.list(query, 0, SUGGESTIONS).items());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("target", "quotes".equals(target) ? "quotes" : "orders");
        return "sales/customers/suggest :: suggestions";
    }

    @GetMapping("/new")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String newCustomer(Model model) {
        model.addAttribute("form", CustomerForm.blank());
        return page(null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String create(@ModelAttribute("form") CustomerForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        return SalesForms.submit(binding, () -> {
            CustomerView created = customers.create(form.toRequest());
            redirect.addFlashAttribute("flash", "sales.customer.created");
            redirect.addFlashAttribute("flashArgument", created.name());
            return "redirect:/app/sales/customers/" + created.id();
        }, () -> page(null, model));
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) UUID address, Model model) {
        CustomerView customer = customers.get(id);
        model.addAttribute("form", CustomerForm.of(customer));
        // ?address=… opens that address in the address form, for a change.
        customer.addresses().stream().filter(a -> a.id().equals(address)).findFirst()
                .ifPresent(a -> model.addAttribute("addressForm", AddressForm.of(a)));
        return page(customer, Math.max(0, page), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String update(@PathVariable UUID id, @ModelAttribute("form") CustomerForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        CustomerView customer = customers.get(id);
        if (!binding.hasErrors()) {
            try {
                CustomerView saved = customers.update(id, form.toRequest());
                redirect.addFlashAttribute("flash", "sales.customer.saved");
                redirect.addFlashAttribute("flashArgument", saved.name());
                return "redirect:/app/sales/customers/" + id;
            } catch (InvalidInputException e) {
                SalesForms.reject(binding, e);
            } catch (ConflictException e) {
                model.addAttribute("salesConflict", e.type());
            }
        }
        return page(customer, 0, model);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CustomerView customer = customers.get(id);
        customers.delete(id);
        redirect.addFlashAttribute("flash", "sales.customer.deleted");
        redirect.addFlashAttribute("flashArgument", customer.name());
        return "redirect:/app/sales/customers";
    }

    // ---------------------------------------------------------------- addresses

    @PostMapping("/{id}/addresses")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String saveAddress(@PathVariable UUID id, @ModelAttribute("addressForm") AddressForm form, BindingResult binding,
                       Model model, RedirectAttributes redirect) {
        CustomerView customer = customers.get(id);
        return SalesForms.submit(binding, () -> {
            if (form.addressId() == null) {
                customers.addAddress(id, form.toRequest());
                redirect.addFlashAttribute("flash", "sales.address.added");
            } else {
                customers.updateAddress(id, form.addressId(), form.toRequest());
                redirect.addFlashAttribute("flash", "sales.address.saved");
            }
            return "redirect:/app/sales/customers/" + id + "#addresses";
        }, () -> {
            model.addAttribute("form", CustomerForm.of(customer));
            return page(customer, 0, model);
        });
    }

    @PostMapping("/{id}/addresses/{addressId}/default")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String makeDefault(@PathVariable UUID id, @PathVariable UUID addressId, @RequestParam String type,
                       RedirectAttributes redirect) {
        customers.makeDefault(id, addressId, type);
        redirect.addFlashAttribute("flash", "sales.address.default");
        return "redirect:/app/sales/customers/" + id + "#addresses";
    }

    @PostMapping("/{id}/addresses/{addressId}/delete")
    @PreAuthorize("@rolePermissions.has('CUSTOMERS_WRITE')")
    String deleteAddress(@PathVariable UUID id, @PathVariable UUID addressId, RedirectAttributes redirect) {
        customers.deleteAddress(id, addressId);
        redirect.addFlashAttribute("flash", "sales.address.deleted");
        return "redirect:/app/sales/customers/" + id + "#addresses";
    }

    private String page(CustomerView customer, int ordersPage, Model model) {
        if (!model.containsAttribute("addressForm")) {
            model.addAttribute("addressForm", AddressForm.blank());
        }
        if (customer != null) {
            PageResponse<OrderSummary> history = orders.list(new OrderFilter(null, customer.id(), null, null, null, null),
                    ordersPage, PAGE_SIZE);
            model.addAttribute("orders", history);
            model.addAttribute("totals", orders.customerTotals(customer.id()));
            model.addAttribute("ordersPager", Pager.of(history,
                    UriComponentsBuilder.fromPath("/app/sales/customers/" + customer.id())));
        }
        return page(customer, model);
    }

    private String page(CustomerView customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("kinds", CustomerKind.values());
        return PAGE;
    }
}
