package app.comptoir.purchasing.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A purchase order to create as a draft: the supplier, the expected delivery date and notes (optional), its
 * lines, and where it comes from when made for a recurring order or reordered from another one.
 */
public record PurchaseOrderDraft(UUID supplierId, LocalDate expectedOn, String notes, List<LineDraft> lines,
                                 UUID recurringId, UUID reorderedFromId) {
}
