package app.comptoir.sales;

import java.util.List;

/** An order status, the statuses it may move to, whether it is final, and how many orders are in it now. */
public record StatusInfo(OrderStatus status, List<OrderStatus> next, boolean isFinal, long count) {
}
