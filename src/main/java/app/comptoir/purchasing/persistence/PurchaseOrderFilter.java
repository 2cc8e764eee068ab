package app.comptoir.purchasing.persistence;

import java.time.LocalDate;
import java.util.UUID;

import app.comptoir.purchasing.domain.PurchaseOrderStatus;

/**
 * What a list of a business's purchase orders is narrowed to: created from / to (days in the business's zone,
 * inclusive), a status, a supplier, and a text found in the number or the supplier's name. Every field is optional.
 */
public record PurchaseOrderFilter(LocalDate from, LocalDate to, PurchaseOrderStatus status, UUID supplierId, String q) {

    /** No filter at all. */
    public static PurchaseOrderFilter none() {
        return new PurchaseOrderFilter(null, null, null, null, null);
    }
}
