package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.comptoir.purchasing.domain.PurchaseOrderStatus;

/** A purchase order in a list: number, supplier, status, total, expected date, when it was created and sent. */
public record PurchaseOrderSummary(UUID id, String number, UUID supplierId, String supplierName, boolean connected,
                                   PurchaseOrderStatus status, BigDecimal total, String currency, LocalDate expectedOn,
                                   Instant createdAt, Instant sentAt) {
}
