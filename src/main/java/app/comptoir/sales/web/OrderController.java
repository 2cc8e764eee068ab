package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.platform.Exports;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.PageResponse;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.DriverRef;
import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.OrderChanges;
import app.comptoir.sales.application.OrderExports;
import app.comptoir.sales.application.OrderRequest;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.application.ReturnRequest;
import app.comptoir.sales.application.StatusInfo;
import app.comptoir.sales.domain.FailedDeliveryReason;
import app.comptoir.sales.persistence.DeletedOrder;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * Orders and their workflow. Every role may read; ADMIN and MANAGER change orders; a user who is only a
 * DRIVER sees only the orders assigned to them (others are 404) and may only move them out for delivery
 * and to delivered.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Sales: orders")
class OrderController {


    private final Orders orders;
    private final IdempotencyKeys idempotencyKeys;
    private final Exports exports;
    private final OrderExports orderExports;
    private final Jobs jobs;

    OrderController(Orders orders, IdempotencyKeys idempotencyKeys, Exports exports, OrderExports orderExports,
                    Jobs jobs) {
        this.orderExports = orderExports;
        this.jobs = jobs;
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.exports = exports;
    }

    /** A move along the workflow; {@code collected}: what the customer paid at the door, with DELIVERED. */
    record StatusBody(OrderStatus status, String note, CollectedBody collected) {
    }

    /** A payment received at delivery: CASH or CARD_TERMINAL for a driver (the office: any on-site method). */
    record CollectedBody(PaymentMethod method, BigDecimal amount, String reference, String note) {
    }

    record NoteBody(String note) {
    }

    record DriverBody(UUID driverId) {
    }

    record FailedDeliveryBody(String reason, String note) {
    }

    @GetMapping
    @Operation(summary = "Orders, newest first (paginated)",
            description = "Filters: status (repeat it or separate with commas), customerId, driverId, from and to "
                    + "(creation time: an ISO instant, or a date: from the start of `from` to the end of `to`, UTC), "
                    + "q (number, customer name or phone), source (BACK_OFFICE or ONLINE_SHOP: placed in the online "
                    + "shop). A driver sees only the orders assigned to them.")
    PageResponse<OrderSummary> list(@RequestParam(required = false) List<String> status,
                                    @RequestParam(required = false) UUID customerId,
                                    @RequestParam(required = false) UUID driverId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) String source,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        OrderFilter filter = filter(status, customerId, driverId, from, to, q);
        if (source != null && !source.isBlank()) {
            String s = source.strip().toUpperCase(Locale.ROOT);
            if (!s.equals("BACK_OFFICE") && !s.equals(app.comptoir.sales.OnlineOrders.SOURCE)) {
                throw InvalidInputException.field("source", "must be BACK_OFFICE or ONLINE_SHOP");
            }
            filter = new OrderFilter(filter.statuses(), filter.customerId(), filter.driverId(), filter.from(),
                    filter.to(), filter.q(), s);
        }
        return orders.list(filter, page, size);
    }

    @GetMapping("/statuses")
    @Operation(summary = "The workflow: every status, the statuses it may move to, whether it is final, and how "
            + "many orders are in it")
    List<StatusInfo> statuses() {
        return orders.statuses();
    }

    @GetMapping("/drivers")
    @Operation(summary = "The users an order may be assigned to (enabled users with the DRIVER role)")
    List<DriverRef> drivers() {
        return orders.drivers();
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @Operation(summary = "The orders as CSV or Excel (.xlsx), same filters as the list",
            description = "lang=fr or en writes the file for people (translated columns and statuses; in French, "
                    + "semicolons and decimal commas); without it the CSV keeps its machine columns.")
    ResponseEntity<byte[]> export(@RequestParam(required = false) List<String> status,
                                  @RequestParam(required = false) UUID customerId,
                                  @RequestParam(required = false) UUID driverId,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String lang, HttpServletRequest request) {
        OrderFilter filter = filter(status, customerId, driverId, from, to, q);
        return exports.download(Exports.Format.of(request), orderExports.table(), Exports.language(lang),
                rows -> orderExports.rows(filter, rows, JobProgress.NONE));
    }

    @PostMapping("/export-jobs")
    @Operation(summary = "The orders as CSV or Excel made in the background: 202 with the job; its file at "
            + "/api/v1/jobs/{id}/file", description = "format=csv (default) or xlsx; the filters and lang of "
            + "GET /export.csv. Poll GET /api/v1/jobs/{id} (Location) for its progress in orders; a shop's year of "
            + "orders takes seconds, which a direct download would hold a request for.")
    ResponseEntity<JobView> exportJob(@RequestParam(required = false) String format,
                                      @RequestParam(required = false) List<String> status,
                                      @RequestParam(required = false) UUID customerId,
                                      @RequestParam(required = false) UUID driverId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String lang) {
        Exports.Format kind = Exports.Format.named(format);
        UUID id = orderExports.start(filter(status, customerId, driverId, from, to, q), kind, Exports.language(lang));
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }

    @GetMapping("/by-number/{number}")
    @Operation(summary = "An order by its number (CMD-2026-000001)")
    OrderView byNumber(@PathVariable String number) {
        return orders.byNumber(number);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An order with its lines, totals (VAT per rate), history and returns")
    OrderView get(@PathVariable UUID id) {
        return orders.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a draft order",
            description = "{customerId? | customer:{name, phone} (walk-in), deliveryAddressId? (default: the "
                    + "customer's default delivery address) | deliveryAddress:{line1, city, ...}, lines:[{variantId, "
                    + "quantity, unitPrice? (catalog price, excl. VAT), discount? (percent)}], deliveryFee? (excl. "
                    + "VAT), notes?}. With an Idempotency-Key header, a retry of the same request returns the order "
                    + "created the first time (200, Idempotent-Replayed: true) instead of creating another (201); "
                    + "the key with another request is refused (422 idempotency-key-reused).")
    ResponseEntity<OrderView> create(@RequestBody OrderRequest body,
                                     @Parameter(description = "Makes retries safe: at most 100 characters")
                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                     HttpServletRequest http) {
        Optional<String> key = idempotencyKeys.key(idempotencyKey);
        String hash = key.isPresent() ? idempotencyKeys.requestHash(http, body) : null;
        Orders.Created created;
        try {
            created = orders.create(body, key, hash);
        } catch (DuplicateKeyException e) {
            // The same key sent twice at the same time: the other request created the order.
            OrderView first = key.flatMap(k -> orders.replay(k, hash)).orElseThrow(() -> e);
            return IdempotencyKeys.answer(first, true, null);
        }
        OrderView view = created.order();
        return IdempotencyKeys.answer(view, !created.isNew(), URI.create("/api/v1/orders/" + view.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an order (null fields unchanged)",
            description = "customer, lines (replaced all together) and deliveryFee only in DRAFT; the delivery "
                    + "address until it is out for delivery; notes until it is final. 409 order-not-draft / "
                    + "order-locked otherwise.")
    OrderView update(@PathVariable UUID id, @RequestBody OrderChanges body) {
        return orders.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft order (409 order-not-draft otherwise: cancel it); it can be restored")
    void delete(@PathVariable UUID id) {
        orders.delete(id);
    }

    @GetMapping("/deleted")
    @Operation(summary = "The deleted draft orders, most recently deleted first (at most limit, 50 by default)")
    List<DeletedOrder> deleted(@RequestParam(defaultValue = "50") int limit) {
        return orders.deleted(limit);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore a deleted draft order: a draft again, with its number, lines and history")
    OrderView restore(@PathVariable UUID id) {
        return orders.restore(id);
    }

    @PostMapping("/{id}/items")
    @Operation(summary = "Add a line to a draft order: {variantId, quantity, unitPrice?, discount?}")
    ResponseEntity<OrderView> addItem(@PathVariable UUID id, @RequestBody LineRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.addLine(id, body));
    }

    @DeleteMapping("/{id}/items/{itemId}")
    @Operation(summary = "Remove a line from a draft order")
    OrderView removeItem(@PathVariable UUID id, @PathVariable UUID itemId) {
        return orders.removeLine(id, itemId);
    }

    record LineBody(Integer quantity, java.math.BigDecimal unitPrice) {
    }

    @PatchMapping("/{id}/items/{itemId}")
    @Operation(summary = "Change the quantity or the unit price of a line of a draft order: {quantity?, unitPrice?}",
            description = "The line keeps its discount (and its price or quantity when not given); its net and the "
                    + "order's totals follow. unitPrice is in the order's basis (including VAT or not). 400 with field "
                    + "quantity unless 1 to 100000 (or when neither is given), with field unitPrice unless an amount "
                    + "of the currency, 0 or more; 409 order-not-draft after confirmation.")
    OrderView changeItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody(required = false) LineBody body) {
        if (body != null && body.unitPrice() != null) {
            OrderView priced = orders.changeLinePrice(id, itemId, body.unitPrice());
            if (body.quantity() == null) {
                return priced;
            }
        }
        return orders.changeLineQuantity(id, itemId, body == null ? null : body.quantity());
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a draft order: reserves the stock of every line, all or nothing",
            description = "409 insufficient-stock names each short line (variantId, sku, requested, available); "
                    + "the order is then left as it was.")
    OrderView confirm(@PathVariable UUID id) {
        return orders.confirm(id);
    }

    @PatchMapping("/{id}/status")
    @Operation(summary = "Move an order along its workflow: {status, note?}",
            description = "DRAFT → CONFIRMED (reserves stock) → PREPARING → OUT_FOR_DELIVERY (stock leaves as SALE "
                    + "movements) → DELIVERED; CANCELLED before delivered (releases the stock, or returns it if it "
                    + "was out for delivery). Anything else: 409 illegal-transition. A driver may only move their "
                    + "own orders to OUT_FOR_DELIVERY and DELIVERED. With DELIVERED, collected: {method, amount, "
                    + "reference?, note?} records what the customer paid at the door in the same transaction (a "
                    + "driver: CASH or CARD_TERMINAL; at most what is left to collect, else 400 naming amount and "
                    + "the order stays out for delivery); an Idempotency-Key makes that payment safe to retry.")
    OrderView status(@PathVariable UUID id, @RequestBody StatusBody body,
                     @Parameter(description = "Makes the payment collected at delivery safe to retry")
                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        CollectedBody c = body.collected();
        return orders.changeStatus(id, body.status(), body.note(),
                c == null ? null : new OnSitePayment(c.method(), c.amount(), c.reference(), c.note()),
                c == null ? null : idempotencyKeys.key(idempotencyKey).orElse(null));
    }

    @PostMapping("/{id}/delivery-failure")
    @Operation(summary = "Record a failed delivery: {reason: ABSENT|REFUSED|WRONG_ADDRESS|OTHER, note?}",
            description = "OUT_FOR_DELIVERY → PREPARING: the order is back at the shop, the reason is in its history "
                    + "(step DELIVERY_FAILED). No stock moves: the goods stay set aside for the order, the next "
                    + "departure moves nothing and a cancellation restocks them. note is required with OTHER. "
                    + "A driver may only do it for their own orders.")
    OrderView failDelivery(@PathVariable UUID id, @RequestBody(required = false) FailedDeliveryBody body) {
        FailedDeliveryBody b = body == null ? new FailedDeliveryBody(null, null) : body;
        return orders.failDelivery(id, SalesText.status(FailedDeliveryReason.class, b.reason()), b.note());
    }

    @PostMapping("/{id}/undo-delivery")
    @Operation(summary = "Take back a mistaken \"delivered\" within two minutes",
            description = "DELIVERED → OUT_FOR_DELIVERY (history step DELIVERY_UNDONE). No stock moves: delivering "
                    + "moved none. 409 delivery-undo-expired after two minutes or once goods were returned; "
                    + "409 order-not-delivered when it is not delivered (a second undo). A driver may only undo "
                    + "their own deliveries.")
    OrderView undoDelivery(@PathVariable UUID id) {
        return orders.undoDelivery(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order that is not delivered: {note?}")
    OrderView cancel(@PathVariable UUID id, @RequestBody(required = false) NoteBody body) {
        return orders.cancel(id, body == null ? null : body.note());
    }

    @PostMapping("/{id}/assign-driver")
    @Operation(summary = "Assign the order to a user with the DRIVER role: {driverId} (null unassigns)")
    OrderView assignDriver(@PathVariable UUID id, @RequestBody DriverBody body) {
        return orders.assignDriver(id, body.driverId());
    }

    @PostMapping("/{id}/returns")
    @Operation(summary = "Record a return after delivery: {lines?:[{lineId, quantity}], reason?, refund?}",
            description = "Without lines, everything not yet returned. Restocks with RETURN movements and adds the "
                    + "refund (default: the returned share of each line, VAT included) to the order's refunded.")
    ResponseEntity<OrderView> recordReturn(@PathVariable UUID id, @RequestBody(required = false) ReturnRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.recordReturn(id, body));
    }

    private static OrderFilter filter(List<String> status, UUID customerId, UUID driverId, String from, String to,
                                      String q) {
        List<OrderStatus> statuses = new ArrayList<>();
        if (status != null) {
            for (String s : status) {
                for (String part : s.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        statuses.add(OrderStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw InvalidInputException.field("status", "must be one of " + List.of(OrderStatus.values()));
                    }
                }
            }
        }
        return new OrderFilter(statuses, customerId, driverId, time("from", from, false), time("to", to, true), q);
    }

    private static Instant time(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, "must be a date (2026-11-25) or an instant (2026-11-25T10:00:00Z)");
        }
    }
}
