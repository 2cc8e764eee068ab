package app.comptoir.sales.application;

import java.util.List;

import app.comptoir.sales.OrderStatus;

/** An order status, the statuses it may move to, whether it is final, and how many orders are in it now. */
public record StatusInfo(OrderStatus status, List<OrderStatus> next, boolean isFinal, long count) {
}
