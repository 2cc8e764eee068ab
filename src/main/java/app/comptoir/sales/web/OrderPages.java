package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.inventory.InsufficientStockException;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Exports;
import app.comptoir.platform.Formats;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.OrderExports;
import app.comptoir.sales.application.OrderRequest;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.application.ReturnRequest;
import app.comptoir.sales.domain.FailedDeliveryReason;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * The order pages: the list with its status tabs, a new order (known customer or walk-in), and the order
 * page with its timeline and the actions its status allows: lines while a draft, confirm (with the
 * shortages when stock is missing), prepare, out for delivery, delivered, cancel, driver, returns.
 * Drivers reach only the orders assigned to them (the service answers "not found" for the others).
 */
@PageController
@RequestMapping("/app/sales")
class OrderPages {

    private static final String LIST = "sales/orders/list";
    private static final String PAGE = "sales/orders/page";
    private static final String NEW = "sales/orders/new";

    private final Orders orders;
    private final Customers customers;
    private final VariantPicker picker;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;

    private final OrderExports orderExports;
    private final Jobs jobs;
    private final SalesPaymentModel paymentModel;

    private final OnlineOrders onlineOrders;

    OrderPages(Orders orders, Customers customers, VariantPicker picker, TenantContext tenantContext,
               BusinessTime businessTime, OrderExports orderExports, Jobs jobs, SalesPaymentModel paymentModel,
               OnlineOrders onlineOrders) {
        this.onlineOrders = onlineOrders;
        this.paymentModel = paymentModel;
        this.orderExports = orderExports;
        this.jobs = jobs;
        this.businessTime = businessTime;
        this.orders = orders;
        this.customers = customers;
        this.picker = picker;
        this.tenantContext = tenantContext;
    }

    @GetMapping
    String sales() {
        return "redirect:/app/sales/orders";
    }

    // ---------------------------------------------------------------- list

    @GetMapping("/orders")
    @PreAuthorize("@rolePermissions.has('READ')")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String driver, @RequestParam(required = false) UUID export,
                @RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (export != null) {
            JobView job = jobs.get(export);
            if (!OrderExports.JOB.equals(job.kind())) {
                throw new NotFoundException("export", export);
            }
            model.addAttribute("exportJob", job);
        }
        OrderStatus statusFilter = SalesText.status(OrderStatus.class, status);
        String query = SalesText.query(q);
        OrderListFilters filters = OrderListFilters.read(from, to, driver, businessTime.zone());
        String sourceFilter = OnlineOrders.SOURCE.equals(source) || "BACK_OFFICE".equals(source) ? source : null;
        PageResponse<OrderSummary> results = orders.list(new OrderFilter(statusFilter == null ? null : List.of(statusFilter),
                null, filters.driverId(), filters.start(), filters.end(), query, sourceFilter), Math.max(0, page),
                CustomerPages.PAGE_SIZE);
        UriComponentsBuilder base = filters.addTo(SalesText.base("/app/sales/orders", statusFilter, query));
        if (sourceFilter != null) {
            base.queryParam("source", sourceFilter);
        }
        model.addAttribute("source", sourceFilter);
        model.addAttribute("orders", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("status", statusFilter);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("listFilters", filters);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        if (Htmx.isPartial(request)) {
            return LIST + " :: results";
        }
        model.addAttribute("drivers", orders.drivers());
        return LIST;
    }

    /**
     * The orders the list shows (its status, search, dates and driver) as CSV or Excel, made in the background:
     * back to the list, which follows the export with a progress bar and ends with the download link.
     */
    @PostMapping("/orders/export")
    @PreAuthorize("@rolePermissions.has('READ')")
    String export(@RequestParam(required = false) String format, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String q, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String driver,
                  Locale locale) {
        OrderStatus statusFilter = SalesText.status(OrderStatus.class, status);
        String query = SalesText.query(q);
        OrderListFilters filters = OrderListFilters.read(from, to, driver, businessTime.zone());
        UUID job = orderExports.start(new OrderFilter(statusFilter == null ? null : List.of(statusFilter), null,
                filters.driverId(), filters.start(), filters.end(), query), Exports.Format.named(format), locale);
        return "redirect:" + filters.addTo(SalesText.base("/app/sales/orders", statusFilter, query))
                .queryParam("export", job).toUriString();
    }

    // ---------------------------------------------------------------- new order

    @GetMapping("/orders/new")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String newOrder(@RequestParam(required = false) UUID customer, Model model) {
        model.addAttribute("form", NewOrderForm.blank(customer));
        return newOrderPage(customer, model);
    }

    @PostMapping("/orders/new")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String create(@ModelAttribute("form") NewOrderForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        BigDecimal fee = SalesForms.number(form.deliveryFee(), "deliveryFee", binding);
        return SalesForms.submit(binding, () -> {
            OrderView order = orders.create(new OrderRequest(form.customerId(), form.walkIn(), form.deliveryAddressId(),
                    List.of(), fee, form.notes()), Optional.empty()).order();
            redirect.addFlashAttribute("flash", "sales.order.created");
            redirect.addFlashAttribute("flashArgument", order.number());
            return "redirect:/app/sales/orders/" + order.id();
        }, () -> newOrderPage(form.customerId(), model));
    }

    private String newOrderPage(UUID customerId, Model model) {
        CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
        model.addAttribute("customer", customer);
        return NEW;
    }

    // ---------------------------------------------------------------- order page

    @GetMapping("/orders/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("lineForm", LineForm.blank());
        return page(orders.get(id), model);
    }

    /** The variant picker's answer: what matches the text, each with a button adding it to the draft. */
    @GetMapping("/orders/{id}/picker")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String picker(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        return picker.answer(q, "/app/sales/orders/" + id + "/lines", model);
    }

    @PostMapping("/orders/{id}/lines")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String addLine(@PathVariable UUID id, @ModelAttribute("lineForm") LineForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect) {
        OrderView order = orders.get(id);
        try {
            return SalesForms.submit(binding, () -> {
                orders.addLine(id, new LineRequest(form.variantId(), form.quantity(), null, null));
                redirect.addFlashAttribute("flash", "sales.line.added");
                return "redirect:/app/sales/orders/" + id + "#lines";
            }, () -> page(order, model));
        } catch (ConflictException e) {
            model.addAttribute("salesConflict", e.type());
            return page(order, model);
        }
    }

    @PostMapping("/orders/{id}/lines/{lineId}/delete")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String removeLine(@PathVariable UUID id, @PathVariable UUID lineId, RedirectAttributes redirect) {
        return act(id, redirect, "sales.line.removed", () -> orders.removeLine(id, lineId));
    }

    /** A quantity or price typed in place that was refused, shown next to its field with what was typed. */
    record QuantityError(UUID lineId, String typed) implements java.io.Serializable {
    }

    /**
     * The in-place quantity of a draft's line (htmx: answers the lines section with the new net and totals, or
     * the error next to the field; without JavaScript: back to the page).
     */
    @PostMapping("/orders/{id}/lines/{lineId}/quantity")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String changeQuantity(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(required = false) String quantity,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        return inPlace(id, lineId, quantity, "quantityError", "sales.line.quantityChanged",
                () -> orders.changeLineQuantity(id, lineId, SalesForms.integer(quantity)), request, response, model,
                redirect);
    }

    /**
     * The in-place unit price of a draft's line, typed as people type it ({@code 12,50} or {@code 12.50}), in
     * the order's basis (including VAT or not); answered as the quantity is.
     */
    @PostMapping("/orders/{id}/lines/{lineId}/price")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String changePrice(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(required = false) String unitPrice,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        return inPlace(id, lineId, unitPrice, "priceError", "sales.line.priceChanged",
                () -> orders.changeLinePrice(id, lineId, price(unitPrice)), request, response, model, redirect);
    }

    /** A typed price as a number; a text that is not one is refused as an invalid price. */
    private static BigDecimal price(String typed) {
        try {
            return Formats.parseDecimal(typed);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("unitPrice", "is not a number");
        }
    }

    private String inPlace(UUID id, UUID lineId, String typed, String errorAttribute, String flash, Runnable change,
                           HttpServletRequest request, HttpServletResponse response, Model model,
                           RedirectAttributes redirect) {
        boolean partial = Htmx.isPartial(request);
        try {
            change.run();
            if (!partial) {
                redirect.addFlashAttribute("flash", flash);
            }
        } catch (InvalidInputException e) {
            QuantityError error = new QuantityError(lineId, typed == null ? "" : typed.strip());
            if (!partial) {
                redirect.addFlashAttribute(errorAttribute, error);
                return "redirect:/app/sales/orders/" + id + "#lines";
            }
            model.addAttribute(errorAttribute, error);
        } catch (ConflictException e) {
            // No longer a draft (or changed meanwhile): the whole page, with the refusal, is what to show.
            if (partial) {
                RequestContextUtils.getOutputFlashMap(request)
                        .put("salesConflict", e.type());
                RequestContextUtils.saveOutputFlashMap(
                        "/app/sales/orders/" + id, request, response);
                response.setHeader("HX-Redirect", "/app/sales/orders/" + id);
                return null;
            }
            redirect.addFlashAttribute("salesConflict", e.type());
            return "redirect:/app/sales/orders/" + id;
        }
        if (!partial) {
            return "redirect:/app/sales/orders/" + id + "#lines";
        }
        model.addAttribute("lineForm", LineForm.blank());
        page(orders.get(id), model);
        return PAGE + " :: lines";
    }

    @PostMapping("/orders/{id}/confirm")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "sales.order.done.CONFIRMED", () -> orders.confirm(id));
    }

    /** A payment collected at the door that was refused, shown on the order's card with what was typed. */
    record CollectError(UUID id, String amount) implements java.io.Serializable {
    }

    /**
     * Prepare, out for delivery, delivered: the service refuses what the status or the role does not allow. With
     * "delivered", what the customer paid at the door ({@code collectedAmount} by {@code collectedMethod}) is
     * recorded with the delivery; a refused amount leaves the order out for delivery, the error on its card.
     */
    @PostMapping("/orders/{id}/status")
    String changeStatus(@PathVariable UUID id, @RequestParam String status,
                        @RequestParam(required = false) String back,
                        @RequestParam(required = false) String collectedMethod,
                        @RequestParam(required = false) String collectedAmount,
                        @RequestParam(required = false) String key, RedirectAttributes redirect) {
        OrderStatus target = SalesText.status(OrderStatus.class, status);
        if (target == OrderStatus.CANCELLED || target == OrderStatus.CONFIRMED) {
            throw InvalidInputException.field("status", "must be PREPARING, OUT_FOR_DELIVERY or DELIVERED");
        }
        boolean collecting = target == OrderStatus.DELIVERED && collectedAmount != null && !collectedAmount.isBlank();
        if (collecting) {
            try {
                BigDecimal amount = OrderPaymentPages.decimal(collectedAmount);
                OnSitePayment collected = amount == null || amount.signum() == 0 ? null
                        : new OnSitePayment(OrderPaymentPages.method(collectedMethod), amount, null, null);
                orders.changeStatus(id, target, null, collected, key == null || key.isBlank() ? null : key.strip());
            } catch (InvalidInputException e) {
                redirect.addFlashAttribute("collectError", new CollectError(id, collectedAmount.strip()));
                return "deliveries".equals(back) ? "redirect:/app/sales/deliveries" : "redirect:/app/sales/orders/" + id;
            } catch (ConflictException e) {
                redirect.addFlashAttribute("salesConflict", e.type());
                return "deliveries".equals(back) ? "redirect:/app/sales/deliveries" : "redirect:/app/sales/orders/" + id;
            }
            redirect.addFlashAttribute("flash", "sales.order.done.DELIVERED");
        }
        // An unreadable status goes to the service too: it refuses the role first (403), then the value.
        String done = collecting ? "redirect:/app/sales/orders/" + id
                : act(id, redirect, "sales.order.done." + (target == null ? "invalid" : target.name()),
                () -> orders.changeStatus(id, target, null));
        // The driver's screen sends its own actions back to itself; after "delivered" it offers the undo.
        if (!"deliveries".equals(back)) {
            return done;
        }
        if (target == OrderStatus.DELIVERED && redirect.getFlashAttributes().get("flash") != null) {
            // The toast says it was delivered, with its undo: no second message.
            redirect.getFlashAttributes().remove("flash");
            redirect.addFlashAttribute("undoDelivery", new DeliveryPages.Undo(id, orders.get(id).number()));
        }
        return "redirect:/app/sales/deliveries";
    }

    @PostMapping("/orders/{id}/cancel")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "sales.order.done.CANCELLED", () -> orders.cancel(id, note));
    }

    @PostMapping("/orders/{id}/driver")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String assignDriver(@PathVariable UUID id, @RequestParam(required = false) String driver,
                        RedirectAttributes redirect) {
        UUID driverId;
        try {
            driverId = driver == null || driver.isBlank() ? null : UUID.fromString(driver.strip());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("salesConflict", "invalid");
            return "redirect:/app/sales/orders/" + id;
        }
        return act(id, redirect, driverId == null ? "sales.order.driverRemoved" : "sales.order.driverAssigned",
                () -> orders.assignDriver(id, driverId));
    }

    @PostMapping("/orders/{id}/returns")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String recordReturn(@PathVariable UUID id, @RequestParam(name = "lineId", required = false) List<UUID> lineIds,
                        @RequestParam(name = "quantity", required = false) List<String> quantities,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String refund,
                        RedirectAttributes redirect) {
        List<ReturnRequest.Line> lines = new ArrayList<>();
        for (int i = 0; lineIds != null && quantities != null && i < Math.min(lineIds.size(), quantities.size()); i++) {
            String typed = quantities.get(i);
            Integer quantity = SalesForms.integer(typed);
            if (quantity == null && typed != null && !typed.isBlank()) {
                redirect.addFlashAttribute("returnError", "typeMismatch");
                return "redirect:/app/sales/orders/" + id + "#returns";
            }
            if (quantity != null && quantity > 0) {
                lines.add(new ReturnRequest.Line(lineIds.get(i), quantity));
            }
        }
        BigDecimal amount;
        try {
            amount = Formats.parseDecimal(refund);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("returnError", "typeMismatch");
            return "redirect:/app/sales/orders/" + id + "#returns";
        }
        if (lines.isEmpty()) {
            redirect.addFlashAttribute("returnError", "sales.return.nothing");
            return "redirect:/app/sales/orders/" + id + "#returns";
        }
        return act(id, redirect, "sales.return.recorded",
                () -> orders.recordReturn(id, new ReturnRequest(lines, reason, amount)));
    }

    @PostMapping("/orders/{id}/delete")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        OrderView order = orders.get(id);
        try {
            orders.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
            return "redirect:/app/sales/orders/" + id;
        }
        redirect.addFlashAttribute("flash", "sales.order.deleted");
        redirect.addFlashAttribute("flashArgument", order.number());
        return "redirect:/app/sales/orders";
    }

    @GetMapping("/orders/deleted")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String deleted(Model model) {
        model.addAttribute("deleted", orders.deleted(100));
        return "sales/orders/deleted";
    }

    @PostMapping("/orders/{id}/restore")
    @PreAuthorize("@rolePermissions.has('ORDERS_WRITE')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        OrderView order = orders.restore(id);
        redirect.addFlashAttribute("flash", "sales.order.restored");
        redirect.addFlashAttribute("flashArgument", order.number());
        return "redirect:/app/sales/orders/" + id;
    }

    /**
     * Runs an action on the order and goes back to its page, with a confirmation, the lines short of stock,
     * or the refusal (an illegal transition, a locked order) explained.
     */
    private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (InsufficientStockException e) {
            redirect.addFlashAttribute("shortages", Shortages.of(e, orders.get(id).lines()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("salesConflict", "invalid");
        }
        return "redirect:/app/sales/orders/" + id;
    }

    private String page(OrderView order, Model model) {
        boolean driverOnly = tenantContext.principal().map(p -> !SalesPageModel.canEdit(p)
                && p.has(app.comptoir.platform.Role.DRIVER)).orElse(false);
        model.addAttribute("order", order);
        model.addAttribute("online", onlineOrders.isOnline(order.id()));
        model.addAttribute("timeline", OrderTimeline.of(order));
        model.addAttribute("incidents", OrderTimeline.incidents(order));
        model.addAttribute("failureReasons", FailedDeliveryReason.values());
        model.addAttribute("driverOnly", driverOnly);
        boolean office = Boolean.TRUE.equals(model.getAttribute("canEdit"));
        if (office && !order.status().isFinal()) {
            model.addAttribute("drivers", orders.drivers());
        }
        paymentModel.fill(order, model);
        return PAGE;
    }
}
