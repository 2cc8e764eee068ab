package app.comptoir.purchasing.application;

import java.util.List;
import java.util.UUID;

import app.comptoir.purchasing.domain.LineQuantity;

/**
 * Goods received against a purchase order: for each line the quantity taken in (0 leaves it out), into a stock
 * location (the default one when none is given), with an optional note. {@code id} is the receipt's, chosen by
 * the client or derived from its Idempotency-Key: a retry with the same id is recorded once.
 */
public record ReceiptRequest(UUID id, UUID locationId, String note, List<LineQuantity> lines) {
}
