package app.comptoir.sales.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.FailedDeliveryReason;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * "My deliveries": the driver's phone screen with the orders assigned to them that are still to take out
 * or to deliver, oldest first, each with its instructions, items, the amount to collect, a call button, a
 * map link and the next step; "delivered" is confirmed first and can be undone for a few seconds, and a
 * failed delivery (customer absent...) brings the order back to the shop with its reason.
 */
@PageController
@RequestMapping("/app/sales")
class DeliveryPages {

    /** More than a driver carries in a day; the screen shows no paging. */
    private static final int MAX = 100;
    private static final List<OrderStatus> TO_DELIVER = List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING,
            OrderStatus.OUT_FOR_DELIVERY);
    private static final String BACK_TO_LIST = "redirect:/app/sales/deliveries";

    private final Orders orders;
    private final TenantContext tenantContext;

    DeliveryPages(Orders orders, TenantContext tenantContext) {
        this.orders = orders;
        this.tenantContext = tenantContext;
    }

    /** The order the screen offers to take back, for the toast that appears after "delivered". */
    record Undo(UUID id, String number) implements java.io.Serializable {
    }

    /** A failed-delivery form sent back with an error next to {@code field}, reopened on the order's card. */
    record FailureError(UUID id, String field) implements java.io.Serializable {
    }

    @GetMapping("/deliveries")
    @PreAuthorize("@rolePermissions.has('DELIVERIES')")
    String deliveries(Model model) {
        ComptoirPrincipal me = tenantContext.principal().orElseThrow();
        List<OrderSummary> mine = orders.list(new OrderFilter(TO_DELIVER, null, me.userId(), null, null, null), 0, MAX)
                .items();
        // The list is newest first; a round starts with the oldest order.
        List<OrderView> deliveries = mine.reversed().stream().map(o -> orders.get(o.id())).toList();
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("failureReasons", FailedDeliveryReason.values());
        return "sales/deliveries";
    }

    /** The delivery failed: back to the shop with the reason (the note is required for "other"). */
    @PostMapping("/orders/{id}/delivery-failed")
    String failDelivery(@PathVariable UUID id, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                        RedirectAttributes redirect) {
        FailedDeliveryReason why = SalesText.status(FailedDeliveryReason.class, reason);
        String done = "deliveries".equals(back) ? BACK_TO_LIST : "redirect:/app/sales/orders/" + id;
        try {
            OrderView order = orders.failDelivery(id, why, note);
            redirect.addFlashAttribute("flash", "sales.deliveries.failed");
            redirect.addFlashAttribute("flashArgument", order.number());
        } catch (InvalidInputException e) {
            // The fields of this small form: the reason (none or unknown) or the note (missing for "other", too long).
            redirect.addFlashAttribute("failureError", new FailureError(id, why == null ? "reason" : "note"));
            redirect.addFlashAttribute("failureNote", note);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        }
        return done;
    }

    /** Takes back a "delivered" tapped by mistake (the toast's "Annuler"). */
    @PostMapping("/orders/{id}/undo-delivery")
    String undoDelivery(@PathVariable UUID id, @RequestParam(required = false) String back,
                        RedirectAttributes redirect) {
        try {
            OrderView order = orders.undoDelivery(id);
            redirect.addFlashAttribute("flash", "sales.deliveries.undone");
            redirect.addFlashAttribute("flashArgument", order.number());
        } catch (ConflictException e) {
            // Already undone, too late, or returns recorded: one message says the delivery stands.
            redirect.addFlashAttribute("salesConflict", "delivery-undo-expired");
        }
        return "deliveries".equals(back) ? BACK_TO_LIST : "redirect:/app/sales/orders/" + id;
    }
}
