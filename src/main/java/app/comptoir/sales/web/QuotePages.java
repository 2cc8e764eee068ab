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
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.QuoteRequest;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.application.Quotes;
import app.comptoir.sales.domain.QuoteStatus;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.QuoteSummary;

/**
 * The quote pages: the list, a new quote, the editor (lines found with the picker, totals recomputed by the
 * server as one types, through htmx), the status buttons, the printable view and the conversion to an order.
 */
@PageController
@RequestMapping("/app/sales/quotes")
@PreAuthorize("@rolePermissions.has('READ')")
class QuotePages {

    private static final String LIST = "sales/quotes/list";
    private static final String PAGE = "sales/quotes/page";

    private final Quotes quotes;
    private final Customers customers;
    private final VariantPicker picker;

    QuotePages(Quotes quotes, Customers customers, VariantPicker picker) {
        this.quotes = quotes;
        this.customers = customers;
        this.picker = picker;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        QuoteStatus statusFilter = SalesText.status(QuoteStatus.class, status);
        String query = SalesText.query(q);
        PageResponse<QuoteSummary> results = quotes.list(statusFilter, null, query, Math.max(0, page),
                CustomerPages.PAGE_SIZE);
        UriComponentsBuilder base = SalesText.base("/app/sales/quotes", statusFilter, query);
        model.addAttribute("quotes", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("status", statusFilter);
        model.addAttribute("statuses", QuoteStatus.values());
        model.addAttribute("q", query == null ? "" : query);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? LIST + " :: results" : LIST;
    }

    @GetMapping("/new")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String newQuote(@RequestParam(required = false) UUID customer, Model model) {
        model.addAttribute("form", NewOrderForm.blank(customer));
        return newQuotePage(customer, model);
    }

    @PostMapping("/new")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String create(@ModelAttribute("form") NewOrderForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        var fee = SalesForms.number(form.deliveryFee(), "deliveryFee", binding);
        return SalesForms.submit(binding, () -> {
            QuoteView quote = quotes.create(new QuoteRequest(form.customerId(), form.walkIn(), null, List.of(), fee,
                    form.notes(), null));
            redirect.addFlashAttribute("flash", "sales.quote.created");
            redirect.addFlashAttribute("flashArgument", quote.number());
            return "redirect:/app/sales/quotes/" + quote.id();
        }, () -> newQuotePage(form.customerId(), model));
    }

    private String newQuotePage(UUID customerId, Model model) {
        CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
        model.addAttribute("customer", customer);
        model.addAttribute("quote", true);
        return "sales/orders/new";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        QuoteView quote = quotes.get(id);
        model.addAttribute("form", QuoteForm.of(quote));
        return page(quote, model);
    }

    /**
     * The editor posts itself whenever a field changes: the quote is saved and the editor comes back with
     * the totals of what was typed. {@code remove} drops a row first. A refusal comes back next to its field,
     * with the last saved totals.
     */
    @PostMapping("/{id}")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String save(@PathVariable UUID id, @ModelAttribute("form") QuoteForm posted, BindingResult binding,
                @RequestParam(required = false) Integer remove, HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        QuoteForm form = posted.without(remove);
        if (remove != null) {
            binding = rebind(form, model);
        }
        return store(id, form, binding, request, model, redirect);
    }

    @GetMapping("/{id}/picker")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String picker(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        return picker.answer(q, "/app/sales/quotes/" + id + "/lines", model);
    }

    @PostMapping("/{id}/lines")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String addLine(@PathVariable UUID id, @RequestParam UUID variantId,
                   @RequestParam(required = false) Integer quantity, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        QuoteForm form = QuoteForm.of(quotes.get(id)).with(variantId, quantity);
        return store(id, form, rebind(form, model), request, model, redirect);
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String changeStatus(@PathVariable UUID id, @RequestParam String status, RedirectAttributes redirect) {
        QuoteStatus target = SalesText.status(QuoteStatus.class, status);
        if (target == null) {
            throw InvalidInputException.field("status", "must be a quote status");
        }
        try {
            quotes.changeStatus(id, target);
            redirect.addFlashAttribute("flash", "sales.quote.done." + target.name());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        }
        return "redirect:/app/sales/quotes/" + id;
    }

    @PostMapping("/{id}/convert")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String convert(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            OrderView order = quotes.convert(id, null);
            redirect.addFlashAttribute("flash", "sales.quote.converted");
            redirect.addFlashAttribute("flashArgument", order.number());
            return "redirect:/app/sales/orders/" + order.id();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
            return "redirect:/app/sales/quotes/" + id;
        }
    }

    /** The quote on its own, laid out for paper (the browser prints it, or saves it as PDF). */
    @GetMapping("/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        model.addAttribute("quote", quotes.get(id));
        return "sales/quotes/print";
    }

    private String store(UUID id, QuoteForm form, BindingResult binding, HttpServletRequest request, Model model,
                         RedirectAttributes redirect) {
        QuoteRequest changes = form.toRequest(binding);
        QuoteView quote;
        if (binding.hasErrors()) {
            quote = quotes.get(id);
        } else {
            try {
                quote = quotes.update(id, changes);
                if (!Htmx.isPartial(request)) {
                    redirect.addFlashAttribute("flash", "sales.quote.saved");
                    return "redirect:/app/sales/quotes/" + id;
                }
                form = QuoteForm.of(quote);
                binding = rebind(form, model);
            } catch (InvalidInputException e) {
                SalesForms.reject(binding, e);
                quote = quotes.get(id);
            } catch (ConflictException e) {
                model.addAttribute("salesConflict", e.type());
                quote = quotes.get(id);
            }
        }
        String page = page(quote, model);
        return Htmx.isPartial(request) ? page + " :: editor" : page;
    }

    private static BindingResult rebind(QuoteForm form, Model model) {
        org.springframework.validation.BeanPropertyBindingResult result =
                new org.springframework.validation.BeanPropertyBindingResult(form, "form");
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return result;
    }

    private String page(QuoteView quote, Model model) {
        model.addAttribute("quote", quote);
        return PAGE;
    }
}
