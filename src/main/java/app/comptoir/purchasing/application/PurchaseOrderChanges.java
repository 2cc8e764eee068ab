package app.comptoir.purchasing.application;

import java.time.LocalDate;
import java.util.List;

/**
 * New content of a draft purchase order: a null field keeps its value, non-null lines replace all lines.
 * {@code version}, when given, must be the current one (else 409 {@code concurrent-modification}).
 */
public record PurchaseOrderChanges(LocalDate expectedOn, String notes, List<LineDraft> lines, Long version) {
}
