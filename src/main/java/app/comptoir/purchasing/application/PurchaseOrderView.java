package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.domain.StatusChange;
import app.comptoir.purchasing.persistence.ReceiptView;

/**
 * A purchase order as its buyer sees it: supplier, status with what it may move to next ({@code next}, for the
 * buyer), lines with what remains to receive, total, dates, timeline ({@code history}) and receipts.
 */
public record PurchaseOrderView(UUID id, String number, UUID supplierId, String supplierName, UUID supplierTenantId,
                                boolean connected, String buyerName, PurchaseOrderStatus status,
                                List<PurchaseOrderStatus> next, boolean receivable, String currency, BigDecimal total,
                                LocalDate expectedOn, String notes, List<Line> lines, List<StatusChange> history,
                                List<ReceiptView> receipts, UUID recurringId, UUID reorderedFromId, Instant sentAt,
                                Instant confirmedAt, Instant shippedAt, Instant deliveredAt, Instant cancelledAt,
                                String cancelReason, Instant createdAt, Instant updatedAt, long version) {

    /** A line: what was ordered, at what unit cost, for what amount, how much arrived and what remains. */
    public record Line(UUID id, int position, UUID variantId, UUID supplierProductId, String sku, String label,
                       int quantity, BigDecimal unitCost, BigDecimal amount, int receivedQuantity, int remaining) {
    }
}
