package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantCosts;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.purchasing.PurchaseOrderSent;
import app.comptoir.purchasing.domain.CostMethod;
import app.comptoir.purchasing.domain.PurchaseOrder;
import app.comptoir.purchasing.domain.PurchaseOrderLine;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.purchasing.domain.ReceivedLine;
import app.comptoir.purchasing.domain.Side;
import app.comptoir.purchasing.persistence.PurchaseOrderFilter;
import app.comptoir.purchasing.persistence.PurchaseOrderStore;
import app.comptoir.purchasing.persistence.PurchaseOrderSummary;
import app.comptoir.purchasing.persistence.PurchaseReceiptStore;
import app.comptoir.purchasing.persistence.ReceiptView;
import app.comptoir.purchasing.persistence.SupplierVariantView;
import app.comptoir.purchasing.persistence.SupplierView;

/**
 * The buyer's use cases of purchase orders: create a draft (numbered {@code ACH-2026-000001} in the business's
 * year; connected when the supplier is a registered supplier's business), change it, send it, move a manual order
 * along (confirm, ship, deliver), cancel it, receive goods into stock, order again. Each act loads the
 * {@link PurchaseOrder}, asks it, stores it and publishes; the registered supplier's side lives in its own service
 * and calls the same aggregate with {@link Side#SUPPLIER}.
 *
 * <p>A receipt records one {@code RECEIPT} stock movement per line into the chosen location, with an id derived
 * from the receipt's and the line's, and changes the variant's cost by the business's {@link CostMethod}. The
 * order's row is locked for the whole receipt, so two receipts of one order never both take what remains; the
 * receipt's id is claimed in the same transaction, so a retry is answered with the first receipt.
 */
@Service
@Transactional
public class PurchaseOrders {

    private static final int NOTES_MAX = 5000;

    private final PurchaseOrderStore store;
    private final PurchaseReceiptStore receipts;
    private final Suppliers suppliers;
    private final PurchasingSettings settings;
    private final PurchasingActor actor;
    private final CatalogQueries catalog;
    private final VariantCosts costs;
    private final StockMovements movements;
    private final StockQueries stock;
    private final StockLocations locations;
    private final Tenants tenants;
    private final BusinessTime businessTime;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PurchaseOrders(PurchaseOrderStore store, PurchaseReceiptStore receipts, Suppliers suppliers,
                   PurchasingSettings settings, PurchasingActor actor, CatalogQueries catalog, VariantCosts costs,
                   StockMovements movements, StockQueries stock, StockLocations locations, Tenants tenants,
                   BusinessTime businessTime, AuditRecorder audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.receipts = receipts;
        this.suppliers = suppliers;
        this.settings = settings;
        this.actor = actor;
        this.catalog = catalog;
        this.costs = costs;
        this.movements = movements;
        this.stock = stock;
        this.locations = locations;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft; connected (its supplier's business copied onto it) when the supplier is registered. */
    public PurchaseOrderView create(PurchaseOrderDraft draft) {
        actor.require(Permission.PURCHASES_WRITE);
        if (draft == null || draft.supplierId() == null) {
            throw InvalidInputException.field("supplierId", "is required");
        }
        SupplierView supplier = suppliers.find(draft.supplierId())
                .orElseThrow(() -> InvalidInputException.field("supplierId", "is not a supplier of this business"));
        TenantProfile business = tenants.current();
        String currency = business.currency();
        List<PurchaseOrderLine> lines = lines(draft.lines(), supplier.id(), currency);
        String notes = InputChecks.text("notes", draft.notes(), NOTES_MAX);
        Instant now = clock.instant();
        String buyerName = business.name().length() > 120 ? business.name().substring(0, 120) : business.name();
        PurchaseOrder order = PurchaseOrder.draft(actor.tenant(), Ids.newId(), supplier.id(),
                supplier.registeredTenantId(), supplier.name(), buyerName, currency, day("expectedOn", draft.expectedOn()),
                notes, lines,
                draft.recurringId(), draft.reorderedFromId(), now, actor.userId());
        order.numbered(store.nextNumber(actor.tenant(), businessTime.year(now)));
        store.insert(order, actor.userId());
        audit.record(PurchaseOrder.AUDITED, order.id(), "CREATE", null, fields(order));
        return view(order);
    }

    /** Changes a draft: expected date, notes, lines (a null field is kept). */
    public PurchaseOrderView update(UUID id, PurchaseOrderChanges changes) {
        actor.require(Permission.PURCHASES_WRITE);
        PurchaseOrder order = load(id);
        order.requireChangeable(changes == null ? null : changes.version());
        if (changes == null) {
            return view(order);
        }
        Map<String, Object> before = fields(order);
        List<PurchaseOrderLine> lines = changes.lines() == null ? order.lines()
                : lines(changes.lines(), order.supplierId(), order.currency());
        String notes = changes.notes() == null ? order.notes() : InputChecks.text("notes", changes.notes(), NOTES_MAX);
        order.revise(changes.expectedOn() == null ? order.expectedOn() : day("expectedOn", changes.expectedOn()), notes, lines,
                clock.instant());
        store.storeContent(order, actor.userId());
        audit.recordChanges(PurchaseOrder.AUDITED, id, before, fields(order));
        return stored(id);
    }

    /** Sends the draft to its supplier: by e-mail for a manual supplier with an address, into its space if registered. */
    public PurchaseOrderView send(UUID id) {
        PurchaseOrder order = move(id, o -> o.send(Side.BUYER, clock.instant(), actor.userId()));
        String email = suppliers.find(order.supplierId()).map(SupplierView::email).orElse(null);
        events.publishEvent(new PurchaseOrderSent(order.tenantId(), order.id(), order.number(), order.supplierId(),
                email, order.connected()));
        return stored(id);
    }

    /** The buyer records that its (manual) supplier confirmed the order. */
    public PurchaseOrderView confirm(UUID id) {
        return stored(move(id, o -> o.confirm(Side.BUYER, clock.instant(), actor.userId())));
    }

    /** The buyer records that its (manual) supplier shipped the order. */
    public PurchaseOrderView ship(UUID id) {
        return stored(move(id, o -> o.ship(Side.BUYER, clock.instant(), actor.userId())));
    }

    /** The buyer records that a (manual) shipped order was delivered, without receiving it into stock. */
    public PurchaseOrderView markDelivered(UUID id) {
        return stored(move(id, o -> o.markDelivered(Side.BUYER, clock.instant(), actor.userId())));
    }

    /** The buyer cancels a draft or a sent order, with an optional reason. */
    public PurchaseOrderView cancel(UUID id, String reason) {
        String why = InputChecks.text("reason", reason, 300);
        return stored(move(id, o -> o.cancel(Side.BUYER, why, clock.instant(), actor.userId())));
    }

    private PurchaseOrder move(UUID id, java.util.function.Consumer<PurchaseOrder> act) {
        actor.require(Permission.PURCHASES_WRITE);
        PurchaseOrder order = load(id);
        PurchaseOrderStatus from = order.status();
        act.accept(order);
        store.storeStatus(order, actor.userId());
        audit.record(PurchaseOrder.AUDITED, id, "UPDATE", Map.of("status", from.name()),
                order.cancelReason() == null ? Map.of("status", order.status().name())
                        : Map.of("status", order.status().name(), "reason", order.cancelReason()));
        return order;
    }

    /**
     * Receives goods against the order (see the class comment). {@code requestHash} is the hash of the HTTP
     * request ({@link IdempotencyKeys#requestHash}), or null: a retry with the same receipt id and another request
     * is refused (422), with the same request it is answered with the first receipt, marked replayed.
     */
    public ReceiptOutcome receive(UUID id, ReceiptRequest request, String requestHash) {
        actor.require(Permission.PURCHASES_WRITE);
        if (request == null) {
            throw InvalidInputException.field("lines", "is required");
        }
        UUID tenant = actor.tenant();
        PurchaseOrder order = load(id);
        UUID receiptId = request.id() == null ? Ids.newId() : request.id();
        Optional<ReceiptOutcome> replay = replay(order, receiptId, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        StockLocation location = location(request.locationId());
        String note = InputChecks.text("note", request.note(), 300);
        Instant now = MovementRequest.happened(request.occurredAt(), clock.instant());
        List<ReceivedLine> received = order.receive(Side.BUYER, request.lines(), now, actor.userId());
        if (!receipts.claim(tenant, receiptId, order.id(), location.id(), now, actor.userId(), note, requestHash)) {
            throw new ConflictException("receipt-id-reused", "Receipt id " + receiptId + " is already used");
        }
        CostMethod method = settings.current().costMethod();
        List<ReceiptView.Line> lines = new ArrayList<>();
        for (ReceivedLine r : received) {
            int onHandBefore = stock.variantLevels(r.variantId()).stream().mapToInt(StockLevelView::onHand).sum();
            BigDecimal cost = method.costAfter(costs.cost(r.variantId()).orElse(null), onHandBefore, r.unitCost(),
                    r.quantity(), order.currency());
            UUID movementId = UUID.nameUUIDFromBytes((receiptId + ":" + r.lineId()).getBytes(StandardCharsets.UTF_8));
            movements.record(new MovementRequest(movementId, r.variantId(), MovementType.RECEIPT, r.quantity(),
                    location.id(), null, "Réception " + order.number(), order.number(), request.occurredAt()));
            costs.changeCost(r.variantId(), cost);
            lines.add(new ReceiptView.Line(r.lineId(), r.variantId(), r.quantity(), r.unitCost(), movementId));
        }
        receipts.insertLines(tenant, receiptId, lines);
        store.storeReceived(order, actor.userId());
        audit.record(PurchaseOrder.AUDITED, id, "RECEIVE", null, Map.of("receipt", receiptId.toString(),
                "location", location.name(), "lines", lines.stream().map(l -> l.lineId() + " × " + l.quantity()).toList(),
                "status", order.status().name()));
        return new ReceiptOutcome(receipts.find(tenant, receiptId).orElseThrow(), stored(id), false);
    }

    private Optional<ReceiptOutcome> replay(PurchaseOrder order, UUID receiptId, String requestHash) {
        Optional<String> stored = receipts.requestHash(order.tenantId(), receiptId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotencyKeys.sameRequest(stored.get().isEmpty() ? null : stored.get(), requestHash)) {
            throw IdempotencyKeys.reused("Receipt id " + receiptId);
        }
        ReceiptView first = receipts.find(order.tenantId(), receiptId).orElseThrow();
        if (!first.orderId().equals(order.id())) {
            throw IdempotencyKeys.reused("Receipt id " + receiptId);
        }
        return Optional.of(new ReceiptOutcome(first, view(order), true));
    }

    /** A new draft to the same supplier with the same lines, at today's costs. */
    public PurchaseOrderView orderAgain(UUID id) {
        actor.require(Permission.PURCHASES_WRITE);
        PurchaseOrder previous = load(id);
        List<LineDraft> lines = previous.lines().stream()
                .map(l -> new LineDraft(l.variantId(), l.supplierProductId(), l.variantId() == null ? l.sku() : null,
                        l.variantId() == null ? l.label() : null, l.quantity(),
                        l.variantId() == null ? l.unitCost() : null)).toList();
        return create(new PurchaseOrderDraft(previous.supplierId(), null, previous.notes(), lines, null, previous.id()));
    }

    /** The business's own order with its lines, timeline and receipts. */
    @Transactional(readOnly = true)
    public PurchaseOrderView find(UUID id) {
        actor.require(Permission.READ);
        return view(own(id, false));
    }

    /** The business's own orders, newest first, filtered, 20 a page. */
    @Transactional(readOnly = true)
    public PageResponse<PurchaseOrderSummary> search(PurchaseOrderFilter filter, int page) {
        return search(filter, page, 20);
    }

    /** The business's own orders, newest first, filtered. */
    @Transactional(readOnly = true)
    public PageResponse<PurchaseOrderSummary> search(PurchaseOrderFilter filter, int page, int size) {
        actor.require(Permission.READ);
        PageRequests.of(page, size, Sort.unsorted());
        PurchaseOrderFilter f = filter == null ? PurchaseOrderFilter.none() : filter;
        day("from", f.from());
        day("to", f.to());
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw InvalidInputException.field("to", "must be on or after from");
        }
        return store.search(actor.tenant(), new PurchaseOrderFilter(f.from(), f.to(), f.status(), f.supplierId(),
                InputChecks.text("q", f.q(), 200)), businessTime.zone(), page, size);
    }

    /** The order as stored now (its version moved with the write just made). */
    private PurchaseOrderView stored(UUID id) {
        return view(own(id, false));
    }

    private PurchaseOrderView stored(PurchaseOrder order) {
        return stored(order.id());
    }

    private PurchaseOrder load(UUID id) {
        return own(id, true);
    }

    /** The order if this business is its buyer: an order addressed to it as a supplier is not found here. */
    private PurchaseOrder own(UUID id, boolean lock) {
        return store.find(id, lock).filter(o -> o.tenantId().equals(actor.tenant()))
                .orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    private StockLocation location(UUID id) {
        if (id == null) {
            return locations.defaultLocation();
        }
        return locations.all().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> InvalidInputException.field("locationId", "is not a stock location of this business"));
    }

    /** The lines checked, numbered, and completed from the catalog and the supplier's terms. */
    private List<PurchaseOrderLine> lines(List<LineDraft> drafts, UUID supplierId, String currency) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > 500) {
            throw InvalidInputException.field("lines", "must hold at most 500 lines");
        }
        Map<UUID, VariantSummary> variants = catalog.variants(drafts.stream().filter(d -> d != null && d.variantId() != null)
                .map(LineDraft::variantId).distinct().toList()).stream()
                .collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        List<PurchaseOrderLine> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft d = drafts.get(i);
            String field = "lines[" + i + "]";
            if (d == null || (d.variantId() == null && d.supplierProductId() == null)) {
                throw InvalidInputException.field(field + ".variantId", "is required");
            }
            VariantSummary variant = null;
            if (d.variantId() != null) {
                variant = variants.get(d.variantId());
                if (variant == null) {
                    throw InvalidInputException.field(field + ".variantId", "unknown variant");
                }
            }
            if (d.quantity() == null || d.quantity() < 1 || d.quantity() > 1_000_000_000) {
                throw InvalidInputException.field(field + ".quantity", "must be between 1 and 1000000000");
            }
            String sku = InputChecks.text(field + ".sku", d.sku(), 60);
            String label = InputChecks.text(field + ".label", d.label(), 300);
            if (variant != null) {
                // The catalog allows longer SKUs and labels than an order line keeps: the copy is cut, not refused.
                sku = sku == null ? cut(variant.sku(), 60) : sku;
                label = label == null ? cut(variant.label(), 300) : label;
            }
            if (label == null) {
                throw InvalidInputException.field(field + ".label", "is required");
            }
            BigDecimal unitCost = InputChecks.amount(field + ".unitCost", d.unitCost(), currency);
            if (unitCost == null && variant != null) {
                unitCost = suppliers.terms(supplierId, variant.id()).map(SupplierVariantView::cost)
                        .or(() -> costs.cost(d.variantId())).map(c -> c.setScale(
                                app.comptoir.platform.Money.decimals(currency), java.math.RoundingMode.HALF_UP))
                        .orElse(null);
            }
            if (unitCost == null) {
                throw InvalidInputException.field(field + ".unitCost", "is required (no cost is known for this variant)");
            }
            lines.add(new PurchaseOrderLine(Ids.newId(), i + 1, d.variantId(), d.supplierProductId(), sku, label,
                    d.quantity(), unitCost, 0));
        }
        return lines;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** A day a business may mean (years 2000 to 2200); others are a field error, not a database failure. */
    private static java.time.LocalDate day(String field, java.time.LocalDate day) {
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2200)) {
            throw InvalidInputException.field(field, "must be a date between the years 2000 and 2200");
        }
        return day;
    }

    private PurchaseOrderView view(PurchaseOrder o) {
        List<PurchaseOrderView.Line> lines = o.lines().stream().map(l -> new PurchaseOrderView.Line(l.id(),
                l.position(), l.variantId(), l.supplierProductId(), l.sku(), l.label(), l.quantity(), l.unitCost(),
                app.comptoir.platform.Money.round(l.amount(), o.currency()), l.receivedQuantity(), l.remaining()))
                .toList();
        boolean receivable = o.status().receivable() && o.lines().stream().anyMatch(l -> l.remaining() > 0);
        return new PurchaseOrderView(o.id(), o.number(), o.supplierId(), o.supplierName(), o.supplierTenantId(),
                o.connected(), o.buyerName(), o.status(), o.next(Side.BUYER), receivable, o.currency(), o.total(),
                o.expectedOn(), o.notes(), lines, store.history(o.id()), receipts.ofOrder(o.tenantId(), o.id()),
                o.recurringId(), o.reorderedFromId(), o.reachedAt(PurchaseOrderStatus.SENT),
                o.reachedAt(PurchaseOrderStatus.CONFIRMED), o.reachedAt(PurchaseOrderStatus.SHIPPED),
                o.reachedAt(PurchaseOrderStatus.DELIVERED), o.reachedAt(PurchaseOrderStatus.CANCELLED),
                o.cancelReason(), o.createdAt(), o.updatedAt(), o.version());
    }

    private static Map<String, Object> fields(PurchaseOrder o) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", o.number());
        f.put("supplier", o.supplierName());
        f.put("expectedOn", o.expectedOn() == null ? null : o.expectedOn().toString());
        f.put("lines", o.lines().stream().map(l -> (l.sku() == null ? l.label() : l.sku()) + " × " + l.quantity()).toList());
        f.put("total", o.total());
        return f;
    }
}
