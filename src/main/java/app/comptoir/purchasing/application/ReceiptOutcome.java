package app.comptoir.purchasing.application;

import app.comptoir.purchasing.persistence.ReceiptView;

/** A receipt recorded (or found recorded: {@code replayed}, for a retry) and the order after it. */
public record ReceiptOutcome(ReceiptView receipt, PurchaseOrderView order, boolean replayed) {
}
