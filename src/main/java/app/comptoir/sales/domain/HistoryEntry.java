package app.comptoir.sales.domain;

import java.time.Instant;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/** One step of an order's workflow: the status reached, when, by whom (name and user id), with an optional note. */
public record HistoryEntry(OrderStatus status, Instant at, String by, UUID byId, String note) {
}
