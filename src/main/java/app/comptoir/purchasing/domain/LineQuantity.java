package app.comptoir.purchasing.domain;

import java.util.UUID;

/** A quantity asked for one line of an order (what a receipt takes in for it). */
public record LineQuantity(UUID lineId, Integer quantity) {
}
