package app.comptoir.sales.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * "My deliveries": the driver's phone screen with the orders assigned to them that are still to take out
 * or to deliver, oldest first, each with a call button, a map link and the next step.
 */
@PageController
@RequestMapping("/app/sales/deliveries")
@PreAuthorize("hasRole('DRIVER')")
class DeliveryPages {

    /** More than a driver carries in a day; the screen shows no paging. */
    private static final int MAX = 100;
    private static final List<OrderStatus> TO_DELIVER = List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING,
            OrderStatus.OUT_FOR_DELIVERY);

    private final Orders orders;
    private final TenantContext tenantContext;

    DeliveryPages(Orders orders, TenantContext tenantContext) {
        this.orders = orders;
        this.tenantContext = tenantContext;
    }

    @GetMapping
    String deliveries(Model model) {
        ComptoirPrincipal me = tenantContext.principal().orElseThrow();
        List<OrderSummary> mine = orders.list(new OrderFilter(TO_DELIVER, null, me.userId(), null, null, null), 0, MAX)
                .items();
        // The list is newest first; a round starts with the oldest order.
        List<OrderView> deliveries = mine.reversed().stream().map(o -> orders.get(o.id())).toList();
        model.addAttribute("deliveries", deliveries);
        return "sales/deliveries";
    }
}
