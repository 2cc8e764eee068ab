package app.comptoir.sales.web;

import java.util.ArrayList;
import java.util.List;

import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.domain.HistoryEntry;

/**
 * The steps of an order's journey as its page draws them: every step of the workflow, reached (with who
 * and when) or still ahead, and the cancellation when there is one.
 *
 * @param status  the step
 * @param entry   when it was reached and by whom, or null when it is still ahead
 * @param current whether the order stands there now
 */
record OrderTimeline(OrderStatus status, HistoryEntry entry, boolean current) {

    private static final List<OrderStatus> PATH = List.of(OrderStatus.DRAFT, OrderStatus.CONFIRMED,
            OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED);

    /** Whether the order went through this step. */
    public boolean done() {
        return entry != null;
    }

    static List<OrderTimeline> of(OrderView order) {
        List<OrderTimeline> steps = new ArrayList<>();
        for (OrderStatus step : PATH) {
            HistoryEntry reached = last(order.history(), step);
            // A cancelled order never reaches the steps after its cancellation: they are not drawn.
            if (order.status() == OrderStatus.CANCELLED && reached == null) {
                continue;
            }
            steps.add(new OrderTimeline(step, reached, order.status() == step));
        }
        HistoryEntry cancelled = last(order.history(), OrderStatus.CANCELLED);
        if (cancelled != null) {
            steps.add(new OrderTimeline(OrderStatus.CANCELLED, cancelled, true));
        }
        return steps;
    }

    /** The steps off the plain workflow (failed deliveries with their reason, undone deliveries), oldest first. */
    static List<HistoryEntry> incidents(OrderView order) {
        return order.history().stream().filter(h -> h.step() != null).toList();
    }

    private static HistoryEntry last(List<HistoryEntry> history, OrderStatus status) {
        HistoryEntry found = null;
        for (HistoryEntry entry : history) {
            if (entry.status() == status) {
                found = entry;
            }
        }
        return found;
    }
}
