package app.comptoir.purchasing.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.PageResponse;
import app.comptoir.purchasing.PurchaseOrderDocuments;
import app.comptoir.purchasing.application.PurchaseOrderChanges;
import app.comptoir.purchasing.application.PurchaseOrderDraft;
import app.comptoir.purchasing.application.PurchaseOrderView;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.application.ReceiptOutcome;
import app.comptoir.purchasing.application.ReceiptRequest;
import app.comptoir.purchasing.domain.LineQuantity;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;
import app.comptoir.purchasing.persistence.PurchaseOrderSummary;

/**
 * The business's purchase orders: drafts, their workflow ({@code DRAFT → SENT → CONFIRMED → SHIPPED → DELIVERED},
 * or CANCELLED), receipts into stock, the PDF. Every role may read; buyers (PURCHASES_WRITE) act.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders")
@Tag(name = "Purchasing: purchase orders")
@PreAuthorize("@rolePermissions.has('READ')")
class PurchaseOrderController {

    private final PurchaseOrders orders;
    private final PurchaseOrderDocuments documents;
    private final IdempotencyKeys idempotencyKeys;

    PurchaseOrderController(PurchaseOrders orders, PurchaseOrderDocuments documents, IdempotencyKeys idempotencyKeys) {
        this.orders = orders;
        this.documents = documents;
        this.idempotencyKeys = idempotencyKeys;
    }

    record CancelBody(String reason) {
    }

    record ReceiptBody(UUID id, UUID locationId, String note, List<LineQuantity> lines, Instant occurredAt) {
    }

    @GetMapping
    @Operation(summary = "Purchase orders, newest first (paginated)",
            description = "Filters: from and to (creation days, yyyy-MM-dd, in the business's time zone, inclusive), "
                    + "status, supplierId, q (number or supplier name).")
    PageResponse<PurchaseOrderSummary> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) PurchaseOrderStatus status,
            @RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return orders.search(new PurchaseOrderFilter(from, to, status, supplierId, q), page, size);
    }

    @PostMapping
    @Operation(summary = "Create a draft purchase order",
            description = "{supplierId, expectedOn?, notes?, lines:[{variantId, quantity, unitCost? (the supplier's "
                    + "cost for the variant, else the variant's cost)}]}. Numbered ACH-<year>-000001 per business. "
                    + "Connected (moved by the supplier once sent) when the supplier is a registered supplier.")
    ResponseEntity<PurchaseOrderView> create(@RequestBody PurchaseOrderDraft body) {
        PurchaseOrderView view = orders.create(body);
        return ResponseEntity.created(URI.create("/api/v1/purchase-orders/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A purchase order with its lines, timeline (history) and receipts")
    PurchaseOrderView get(@PathVariable UUID id) {
        return orders.find(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft (expectedOn, notes; lines, when given, replace all lines; version? checked)",
            description = "409 purchase-order-not-draft once sent.")
    PurchaseOrderView update(@PathVariable UUID id, @RequestBody PurchaseOrderChanges body) {
        return orders.update(id, body);
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Send a draft to the supplier (e-mailed with its PDF to a manual supplier with an address)",
            description = "409 purchase-order-transition when the order is not a draft; 409 purchase-order-empty "
                    + "without lines.")
    PurchaseOrderView send(@PathVariable UUID id) {
        return orders.send(id);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Record that the supplier confirmed a sent order (manual suppliers only: a registered "
            + "supplier confirms it itself; 409 purchase-order-transition otherwise)")
    PurchaseOrderView confirm(@PathVariable UUID id) {
        return orders.confirm(id);
    }

    @PostMapping("/{id}/ship")
    @Operation(summary = "Record that the supplier shipped a confirmed order (manual suppliers only)")
    PurchaseOrderView ship(@PathVariable UUID id) {
        return orders.ship(id);
    }

    @PostMapping("/{id}/deliver")
    @Operation(summary = "Record that a shipped order was delivered, without receiving it into stock (manual "
            + "suppliers only); receipts deliver an order by themselves once everything arrived")
    PurchaseOrderView deliver(@PathVariable UUID id) {
        return orders.markDelivered(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a draft or a sent order, with an optional reason ({reason?})")
    PurchaseOrderView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelBody body) {
        return orders.cancel(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/receipts")
    @Operation(summary = "Receive goods into stock",
            description = "{locationId? (default location), note?, lines:[{lineId, quantity}]} (0 leaves a line out). "
                    + "Each line becomes a RECEIPT stock movement and updates the variant's cost (purchasing "
                    + "settings: LAST or WEIGHTED_AVERAGE); never more than what remains of a line (400 with the "
                    + "field); everything received makes the order DELIVERED. With an Idempotency-Key header (or a "
                    + "client id), a retry of the same request returns the first receipt (200, Idempotent-Replayed: "
                    + "true); the key with another request is refused (422 idempotency-key-reused). occurredAt: when the goods "
                    + "arrived, for a receipt recorded offline and sent later (default now; 400 when in the future or "
                    + "more than 30 days ago); the receipt, the timeline and the stock journal show that time.")
    ResponseEntity<ReceiptOutcome> receive(@PathVariable UUID id, @RequestBody ReceiptBody body,
                                           @Parameter(description = "Makes retries safe: at most 100 characters")
                                           @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                           HttpServletRequest http) {
        Optional<String> key = idempotencyKeys.key(idempotencyKey);
        ReceiptBody b = body == null ? new ReceiptBody(null, null, null, null, null) : body;
        UUID receiptId = key.map(idempotencyKeys::idFor).orElse(b.id());
        String hash = receiptId == null ? null : idempotencyKeys.requestHash(http, b);
        ReceiptOutcome outcome = orders.receive(id, new ReceiptRequest(receiptId, b.locationId(), b.note(), b.lines(), b.occurredAt()),
                hash);
        return IdempotencyKeys.answer(outcome, outcome.replayed(),
                URI.create("/api/v1/purchase-orders/" + id + "#receipt-" + outcome.receipt().id()));
    }

    @PostMapping("/{id}/order-again")
    @Operation(summary = "A new draft to the same supplier with the same lines, at today's costs")
    ResponseEntity<PurchaseOrderView> orderAgain(@PathVariable UUID id) {
        PurchaseOrderView view = orders.orderAgain(id);
        return ResponseEntity.created(URI.create("/api/v1/purchase-orders/" + view.id())).body(view);
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "The purchase order as PDF, as the supplier receives it",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        PurchaseOrderDocuments.PurchaseOrderDocument document = documents.purchaseOrder(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName())
                        .build().toString())
                .body(document.pdf());
    }
}
