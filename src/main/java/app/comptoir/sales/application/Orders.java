package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.identity.Users;
import app.comptoir.identity.UserView;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.ReservationLine;
import app.comptoir.inventory.Reservations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessMetrics;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Quotas;
import app.comptoir.platform.Role;
import app.comptoir.sales.OrderCreated;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.CreditNotes;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.Decision;
import app.comptoir.sales.domain.DriversDeliverOnlyTheirOwnOrders;
import app.comptoir.sales.domain.FailedDeliveryReason;
import app.comptoir.sales.domain.HistoryEntry;
import app.comptoir.sales.domain.InvoiceContent;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.domain.OrderPayment;
import app.comptoir.sales.domain.OrderReturn;
import app.comptoir.sales.domain.ReturnsAtMostWhatWasSold;
import app.comptoir.sales.domain.StockEffect;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.persistence.DeletedOrder;
import app.comptoir.sales.persistence.InvoiceStore;
import app.comptoir.sales.persistence.OrderRepository;
import app.comptoir.sales.persistence.OrderRepository.Author;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * The use cases of orders, each named after the business act: {@link #create}, {@link #confirm},
 * {@link #changeStatus} (start preparing, send out, deliver), {@link #cancel}, {@link #assignDriver},
 * {@link #recordReturn}, and the draft's content changes.
 *
 * <p>Every write follows the same four steps, and this is the shape to copy in other modules:
 * <ol>
 *   <li><b>load</b> the {@link Order} aggregate with the one statement that locks its row and reads its lines
 *       (a driver only finds their own orders);</li>
 *   <li><b>ask</b> it: the aggregate decides, refuses illegal moves with their 409, changes its state, registers
 *       events and says what the step means for stock ({@link StockEffect});</li>
 *   <li><b>store</b> it (one statement for the status, its history and audit row) and perform the stock
 *       effect through inventory's published API <em>synchronously</em>: a reservation must succeed or fail
 *       together with the confirmation, which an event handled after the commit could not guarantee;</li>
 *   <li><b>publish</b> the registered events, for the modules that react after the commit.</li>
 * </ol>
 * What stays here is what the aggregate cannot know: who is acting (their access rules become 403/404),
 * lookups in other modules (customers, catalog prices, drivers) and the view returned to the caller.
 */
@Service
@Transactional
public class Orders {

    private final OrderRepository repository;
    private final SalesActor actor;
    private final Clock clock;
    private final BusinessTime businessTime;
    private final Customers customers;
    private final LinePricer pricer;
    private final Reservations reservations;
    private final StockMovements movements;
    private final Users users;
    private final Tenants tenants;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final InvoiceStore invoiceStore;
    private final OrderPayments payments;
    private final BusinessMetrics metrics;
    private final Quotas quotas;

    Orders(OrderRepository repository, SalesActor actor, Clock clock, BusinessTime businessTime, Customers customers,
           LinePricer pricer, Reservations reservations, StockMovements movements, Users users,
           Tenants tenants, AuditRecorder audit, ApplicationEventPublisher events, InvoiceStore invoiceStore,
           OrderPayments payments, BusinessMetrics metrics, Quotas quotas) {
        this.metrics = metrics;
        this.quotas = quotas;
        this.invoiceStore = invoiceStore;
        this.payments = payments;
        this.tenants = tenants;
        this.repository = repository;
        this.actor = actor;
        this.clock = clock;
        this.businessTime = businessTime;
        this.customers = customers;
        this.pricer = pricer;
        this.reservations = reservations;
        this.movements = movements;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    /** A creation's outcome: the order, and whether it is new (false: created earlier with the same key). */
    public record Created(OrderView order, boolean isNew) {
    }

    // ---------------------------------------------------------------- reading

    /** Orders, newest first, each with its payment (3 statements whatever the page size). */
    @Transactional(readOnly = true)
    public PageResponse<OrderSummary> list(OrderFilter filter, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        PageResponse<OrderSummary> orders = repository.list(actor.tenant(), filter == null ? OrderFilter.none() : filter,
                actor.restrictedDriver(), page, size);
        Map<UUID, OrderPayment> paid = payments.of(orders.items());
        return new PageResponse<>(orders.items().stream().map(o -> o.withPayment(paid.get(o.id()))).toList(),
                orders.total(), orders.page(), orders.size());
    }

    /** An order with its lines, history, returns and payment (4 statements, 3 before it is delivered, 2 for a draft). */
    @Transactional(readOnly = true)
    public OrderView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(UUID id) {
        return repository.find(actor.tenant(), OrderRepository.Key.ID, id, actor.restrictedDriver()).map(this::view);
    }

    @Transactional(readOnly = true)
    public OrderView byNumber(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return repository.find(actor.tenant(), OrderRepository.Key.NUMBER, n, actor.restrictedDriver()).map(this::view)
                .orElseThrow(() -> new NotFoundException("Order", n));
    }

    /**
     * The order created by the request that used this key at the same time (its insert won the race), if
     * the request is the same; 422 {@code idempotency-key-reused} if not.
     */
    @Transactional(readOnly = true)
    public Optional<OrderView> replay(String key, String requestHash) {
        return repository.idempotencyHash(actor.tenant(), key).map(stored -> replayOf(key, stored, requestHash));
    }

    private OrderView replayOf(String key, String storedHash, String requestHash) {
        if (!IdempotencyKeys.sameRequest(storedHash.isEmpty() ? null : storedHash, requestHash)) {
            throw IdempotencyKeys.reused("Idempotency-Key " + key);
        }
        return byIdempotencyKey(key).orElseThrow(() -> new NotFoundException("Order", key));
    }

    /** The order created earlier with this (validated) Idempotency-Key, if any. */
    @Transactional(readOnly = true)
    public Optional<OrderView> byIdempotencyKey(String key) {
        return repository.find(actor.tenant(), OrderRepository.Key.IDEMPOTENCY_KEY, key, actor.restrictedDriver())
                .map(this::view);
    }

    /** A customer's totals: amount spent, orders, last order ({@link Permission#READ}). */
    @Transactional(readOnly = true)
    public CustomerTotals customerTotals(UUID customerId) {
        actor.require(Permission.READ);
        OrderRepository.CustomerTotalsRow row = repository.customerTotals(actor.tenant(), customerId);
        return new CustomerTotals(Money.round(row.spent(), tenants.current().currency()), row.orders(), row.lastAt());
    }

    /** Every status with the statuses it may move to and how many orders (the caller may see) are in it. */
    @Transactional(readOnly = true)
    public List<StatusInfo> statuses() {
        Map<OrderStatus, Long> counts = repository.countByStatus(actor.tenant(), actor.restrictedDriver());
        List<StatusInfo> result = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            result.add(new StatusInfo(s, s.next(), s.isFinal(), counts.getOrDefault(s, 0L)));
        }
        return result;
    }

    /** The users who may be assigned deliveries (enabled users with the DRIVER role), by name ({@link Permission#READ}). */
    @Transactional(readOnly = true)
    public List<DriverRef> drivers() {
        // Everyone who reads the orders (viewers included) may see who can deliver them; a driver may not.
        actor.require(Permission.READ);
        return users.list(Role.DRIVER, null, true, 0, 200, "name").items().stream()
                .map(u -> new DriverRef(u.id(), u.name())).toList();
    }

    // ---------------------------------------------------------------- creating and editing

    /** Creates a draft order without a request hash (pages, demo). */
    public Created create(OrderRequest request, Optional<String> idempotencyKey) {
        return create(request, idempotencyKey, null);
    }

    /**
     * Creates a draft order. With an idempotency key (validated by the caller) already used, returns the
     * order created then and creates nothing if the request is the same (its {@code requestHash}, see
     * {@link app.comptoir.platform.IdempotencyKeys#requestHash}), and refuses it (422
     * {@code idempotency-key-reused}) if not: the one lookup of the key is here. Two requests with the same
     * new key at the same time both get past it; the unique key makes the second fail with a
     * {@code DuplicateKeyException}, which the caller answers with {@link #replay}.
     */
    public Created create(OrderRequest request, Optional<String> idempotencyKey, String requestHash) {
        return create(request, idempotencyKey, requestHash, OrderRepository.SOURCE_BACK_OFFICE);
    }

    /** The same, for an order that comes from elsewhere than the office ({@code source}: the online shop). */
    public Created create(OrderRequest request, Optional<String> idempotencyKey, String requestHash, String source) {
        actor.require(Permission.ORDERS_WRITE);
        if (idempotencyKey.isPresent()) {
            Optional<String> stored = repository.idempotencyHash(actor.tenant(), idempotencyKey.get());
            if (stored.isPresent()) {
                return new Created(replayOf(idempotencyKey.get(), stored.get(), requestHash), false);
            }
        }
        if (request == null) {
            throw InvalidInputException.field("lines", "is required");
        }
        String currency = tenants.current().currency();
        boolean pricesIncludeVat = tenants.current().pricesIncludeVat();
        List<LineView> lines = pricer.price("lines", request.lines(), currency, pricesIncludeVat);
        BigDecimal fee = Optional.ofNullable(Checks.amount("deliveryFee", request.deliveryFee(), currency))
                .orElse(Money.round(BigDecimal.ZERO, currency));
        String notes = Checks.text("notes", request.notes(), 5000);
        Party party = party(request.customerId(), request.customer(), request.deliveryAddressId(),
                request.deliveryAddress(), true);
        Instant now = clock.instant();
        Order order = Order.draft(actor.tenant(), Ids.newId(), party.customer(), party.address(), lines, fee, notes,
                currency, pricesIncludeVat, null, now);
        quotas.requireRoomForOrder();
        repository.insertDraft(order, idempotencyKey.orElse(null), idempotencyKey.isPresent() ? requestHash : null,
                businessTime.year(now), author(), null,
                audit.values(Order.AUDITED, order.id(), "CREATE", null, summary(order)), source);
        HistoryEntry created = new HistoryEntry(OrderStatus.DRAFT, now, actor.name(), actor.userId(), null);
        OrderView view = view(order, List.of(created));
        publishCreated(view, source);
        return new Created(view, true);
    }

    /** Creates a draft order from a quote's content (the quote's conversion). */
    OrderView createFromQuote(QuoteView quote, UUID deliveryAddressId) {
        Party party = quote.customer().id() != null
                ? party(quote.customer().id(), null, deliveryAddressId, null, true)
                : new Party(quote.customer(), null);
        Instant now = clock.instant();
        List<LineView> lines = quote.lines().stream().map(l -> new LineView(Ids.newId(), l.variantId(), l.sku(), l.label(),
                l.quantity(), l.unitPrice(), l.discount(), l.vatRate(), l.net(), 0)).toList();
        Order order = Order.draft(actor.tenant(), Ids.newId(), party.customer(), party.address(), lines,
                quote.deliveryFee(), quote.notes(), quote.currency(), quote.pricesIncludeVat(), quote.id(), now);
        Map<String, Object> created = summary(order);
        created.put("quote", quote.number());
        quotas.requireRoomForOrder();
        repository.insertDraft(order, null, null, businessTime.year(now), author(), "Devis " + quote.number(),
                audit.values(Order.AUDITED, order.id(), "CREATE", null, created));
        OrderView view = get(order.id());
        publishCreated(view, OrderRepository.SOURCE_BACK_OFFICE);
        return view;
    }

    private void publishCreated(OrderView order, String source) {
        metrics.count("comptoir.orders.creations", "Orders created, by source (BACK_OFFICE, ONLINE_SHOP)",
                "source", source);
        events.publishEvent(new OrderCreated(actor.tenant(), order.id(), order.number(), order.customer().id(),
                order.customer().name(), order.totals().gross(), order.currency(), order.createdAt()));
    }

    /** Changes an order (see {@link OrderChanges} for what may change in which status). */
    public OrderView update(UUID id, OrderChanges changes) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        order.requireVersion(changes.version());
        boolean customerChange = changes.customerId() != null || changes.customer() != null;
        boolean addressChange = changes.deliveryAddressId() != null || changes.deliveryAddress() != null;
        Order.Scope scope = new Order.Scope(customerChange || changes.lines() != null || changes.deliveryFee() != null,
                addressChange, changes.notes() != null);
        order.requireChangeable(scope);
        Map<String, Object> before = fields(order);
        CustomerRef customer = order.customer();
        AddressSnapshot address = order.address();
        if (customerChange || addressChange) {
            UUID customerId = customerChange ? changes.customerId() : customer.id();
            WalkInCustomer walkIn = changes.customerId() == null ? changes.customer() : null;
            Party party = customerId == null && walkIn == null
                    ? new Party(customer, addressChange ? inline(changes.deliveryAddress()) : address)
                    : party(customerId, walkIn, changes.deliveryAddressId(), changes.deliveryAddress(),
                            !addressChange && customerChange);
            customer = party.customer();
            address = addressChange || customerChange ? party.address() : address;
        }
        BigDecimal fee = changes.deliveryFee() == null ? order.deliveryFee()
                : Checks.amount("deliveryFee", changes.deliveryFee(), order.currency());
        String notes = changes.notes() == null ? order.notes() : Checks.text("notes", changes.notes(), 5000);
        Instant now = clock.instant();
        if (changes.lines() != null) {
            order.replaceLines(pricer.price("lines", changes.lines(), order.currency(), order.pricesIncludeVat()), now);
            repository.replaceLines(order);
        }
        order.revise(scope, customer, address, fee, notes, now);
        repository.storeContent(order, actor.userId());
        audit.recordChanges(Order.AUDITED, id, before, fields(order));
        return get(id);
    }

    /**
     * Deletes a draft order (a later one is cancelled instead, keeping its history). The delete is soft: the
     * order leaves every list and lookup but keeps its number, and {@link #restore} brings it back.
     */
    public void delete(UUID id) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        order.requireDeletable();
        repository.delete(order, clock.instant(), actor.userId());
        audit.record(Order.AUDITED, id, "DELETE", Map.of("number", order.number(), "gross", order.totals().gross()), null);
    }

    /** Brings a deleted draft order back, as it was (a draft, same number, lines and history). */
    public OrderView restore(UUID id) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = repository.lockDeleted(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Order", id));
        repository.restore(order, order.quoteId(), clock.instant(), actor.userId());
        audit.record(Order.AUDITED, id, "RESTORE", null, Map.of("number", order.number(), "gross", order.totals().gross()));
        return get(id);
    }

    /** The deleted orders, most recently deleted first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<DeletedOrder> deleted(int limit) {
        actor.require(Permission.ORDERS_WRITE);
        return repository.deleted(actor.tenant(), Math.clamp(limit, 1, 200));
    }

    /** Adds a line to a draft order. */
    public OrderView addLine(UUID id, LineRequest line) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        order.requireRoomForLine();
        LineView added = pricer.price("line", List.of(line), order.currency(), order.pricesIncludeVat()).getFirst();
        order.addLine(added, clock.instant());
        repository.insertLastLine(order);
        repository.storeTotals(order, actor.userId());
        audit.record(Order.AUDITED, id, "UPDATE", null, Map.of("lineAdded", added.sku() + " × " + added.quantity()));
        return get(id);
    }

    /** Changes the quantity of a line of a draft order; it keeps its price and discount. */
    public OrderView changeLineQuantity(UUID id, UUID lineId, Integer quantity) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        int before = order.lines().stream().filter(l -> l.id().equals(lineId)).mapToInt(LineView::quantity)
                .findFirst().orElse(0);
        LineView changed = order.changeQuantity(lineId, quantity, clock.instant());
        repository.storeLine(order, changed);
        repository.storeTotals(order, actor.userId());
        audit.record(Order.AUDITED, id, "UPDATE", Map.of("line", changed.sku() + " × " + before),
                Map.of("line", changed.sku() + " × " + changed.quantity()));
        return get(id);
    }

    /** Changes the unit price of a line of a draft order (in the order's basis); it keeps its quantity and discount. */
    public OrderView changeLinePrice(UUID id, UUID lineId, BigDecimal unitPrice) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        BigDecimal before = order.lines().stream().filter(l -> l.id().equals(lineId)).map(LineView::unitPrice)
                .findFirst().orElse(null);
        LineView changed = order.changeUnitPrice(lineId, unitPrice, clock.instant());
        repository.storeLine(order, changed);
        repository.storeTotals(order, actor.userId());
        audit.record(Order.AUDITED, id, "UPDATE", Map.of("unitPrice", changed.sku() + " " + before.toPlainString()),
                Map.of("unitPrice", changed.sku() + " " + changed.unitPrice().toPlainString()));
        return get(id);
    }

    /** Removes a line from a draft order. */
    public OrderView removeLine(UUID id, UUID lineId) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        order.removeLine(lineId, clock.instant());
        repository.deleteLine(order, lineId);
        repository.storeTotals(order, actor.userId());
        audit.record(Order.AUDITED, id, "UPDATE", Map.of("line", lineId.toString()), Map.of("lineRemoved", lineId.toString()));
        return get(id);
    }

    // ---------------------------------------------------------------- workflow

    /** DRAFT → CONFIRMED: reserves the stock of every line, all or nothing. */
    public OrderView confirm(UUID id) {
        return changeStatus(id, OrderStatus.CONFIRMED, null);
    }

    /** Cancels an order that is not delivered yet, giving its stock back. */
    public OrderView cancel(UUID id, String note) {
        return changeStatus(id, OrderStatus.CANCELLED, note);
    }

    /**
     * Moves the order to the target status if the workflow allows it (else 409 {@code illegal-transition}),
     * with the stock effect of the step, and records who did it. A driver may only take their own orders out
     * for delivery and mark them delivered (403 otherwise, before the order is even read).
     */
    public OrderView changeStatus(UUID id, OrderStatus target, String note) {
        return changeStatus(id, target, note, null, null);
    }

    /**
     * The same, delivering with what the customer paid at the door ({@code collected}, when not null: recorded on
     * the order in the same transaction, by its driver or the office, see {@link OrderPayments#record}); only with
     * {@code DELIVERED}. A refused payment (more than is left to collect, a method a driver does not take) leaves
     * the order out for delivery.
     */
    public OrderView changeStatus(UUID id, OrderStatus target, String note, OnSitePayment collected,
                                  String idempotencyKey) {
        // Who may move orders at all (the matrix), before anything else: the office moves any order, a
        // delivering user only takes out and delivers their own.
        boolean office = actor.may(Permission.ORDERS_WRITE);
        if (!office && !actor.may(Permission.DELIVERIES)) {
            throw new AccessDeniedException("Your role does not allow moving orders");
        }
        if (target == null) {
            throw InvalidInputException.field("status", "is required");
        }
        if (!office && target != OrderStatus.OUT_FOR_DELIVERY && target != OrderStatus.DELIVERED) {
            throw new AccessDeniedException("Your role only allows taking orders out for delivery and delivering them");
        }
        if (collected != null && target != OrderStatus.DELIVERED) {
            throw InvalidInputException.field("collected", "is only recorded with the delivery (status DELIVERED)");
        }
        String text = Checks.text("note", note, 500);
        Decision access = DriversDeliverOnlyTheirOwnOrders.move(actor.restrictedDriver(), target);
        if (!access.allowed()) {
            throw new AccessDeniedException(access.reason());
        }
        Order order = load(id);
        if (!office && !Objects.equals(order.driverId(), actor.userId())) {
            throw new NotFoundException("Order", id);
        }
        OrderStatus from = order.status();
        StockEffect effect = order.moveTo(target, text, clock.instant());
        perform(effect, order);
        List<HistoryEntry> history = repository.storeStatus(order, author(), text,
                audit.values(Order.AUDITED, id, "UPDATE", Map.of("status", from.name()), Map.of("status", target.name())));
        if (target == OrderStatus.CONFIRMED || target == OrderStatus.CANCELLED) {
            // What the order owes changes with these two steps only (its content is frozen once confirmed).
            payments.expect(order);
        }
        if (collected != null) {
            payments.collectOnDelivery(order, collected, idempotencyKey);
        }
        publish(order);
        metrics.count("comptoir.orders.status.changes", "Orders moved to a status of the workflow, by that status",
                "status", target.name());
        // The order as it now is, without reading its row and lines again.
        return view(order, history);
    }

    /**
     * The delivery failed (customer absent, refused, wrong address, other with a note): the order goes back to
     * the shop ({@code PREPARING}) with the reason in its history and a {@link app.comptoir.sales.DeliveryFailed}
     * event. No stock moves (see {@link Order#failDelivery}). The office, or the driver of the order.
     */
    public OrderView failDelivery(UUID id, FailedDeliveryReason reason, String note) {
        Order order = loadForDelivery(id);
        String text = Checks.text("note", note, 500);
        StockEffect effect = order.failDelivery(reason, text, clock.instant());
        perform(effect, order);
        List<HistoryEntry> history = repository.storeStatus(order, author(), text, HistoryEntry.DELIVERY_FAILED,
                reason.name(), audit.values(Order.AUDITED, id, "UPDATE", Map.of("status", OrderStatus.OUT_FOR_DELIVERY.name()),
                        Map.of("status", order.status().name(), "deliveryFailed", reason.name())));
        publish(order);
        return view(order, history);
    }

    /**
     * Takes back a "delivered" tapped by mistake, within {@link app.comptoir.sales.domain.DeliveriesUndoBriefly#GRACE}:
     * the order is out for delivery again; no stock moves, since delivering moved none (a second undo is refused,
     * the order being no longer delivered). The office, or the driver of the order.
     */
    public OrderView undoDelivery(UUID id) {
        Order order = loadForDelivery(id);
        StockEffect effect = order.undoDelivery(clock.instant());
        perform(effect, order);
        List<HistoryEntry> history = repository.storeStatus(order, author(), null, HistoryEntry.DELIVERY_UNDONE, null,
                audit.values(Order.AUDITED, id, "UPDATE", Map.of("status", OrderStatus.DELIVERED.name()),
                        Map.of("status", order.status().name())));
        publish(order);
        return view(order, history);
    }

    /** The order, locked, for a driver's act: the office acts on any order, a driver (DELIVERIES) on theirs only. */
    private Order loadForDelivery(UUID id) {
        boolean office = actor.may(Permission.ORDERS_WRITE);
        if (!office && !actor.may(Permission.DELIVERIES)) {
            throw new AccessDeniedException("Your role does not allow moving orders");
        }
        Order order = load(id);
        if (!office && !Objects.equals(order.driverId(), actor.userId())) {
            throw new NotFoundException("Order", id);
        }
        return order;
    }

    /** The stock side of a step, through inventory's API, in this transaction (see the class comment). */
    private void perform(StockEffect effect, Order order) {
        switch (effect) {
            case RESERVE -> reservations.reserveForOrder(order.id(), order.number(), order.lines().stream()
                    .map(l -> new ReservationLine(l.variantId(), l.quantity())).toList());
            case COMMIT -> {
                reservations.commitForOrder(order.id());
                // The lines count as sold from now (see SalesFigures).
                repository.markLinesSold(order, order.updatedAt());
            }
            case RELEASE -> reservations.releaseForOrder(order.id());
            case RESTOCK -> {
                repository.markLinesSold(order, null);
                for (LineView l : order.lines()) {
                    movements.record(new MovementRequest(Ids.newId(), l.variantId(), MovementType.RETURN,
                            l.quantity(), null, null, "Commande annulée en livraison", order.number()));
                }
            }
            case NONE -> {
                // Preparing, delivering, a failed delivery, its undo and cancelling a draft move no stock.
            }
        }
    }

    /** Assigns the order to a user with the DRIVER role (null: unassigns it). */
    public OrderView assignDriver(UUID id, UUID driverId) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        order.requireDriverChangeable();
        String before = order.driverName();
        String name = null;
        if (driverId != null) {
            UserView user;
            try {
                user = users.get(driverId);
            } catch (NotFoundException e) {
                throw InvalidInputException.field("driverId", "is not a user of this business");
            }
            if (!user.roles().contains(Role.DRIVER) || !user.enabled()) {
                throw InvalidInputException.field("driverId", "must be an enabled user with the DRIVER role");
            }
            name = user.name();
        }
        order.assignDriver(driverId, name, clock.instant());
        repository.storeDriver(order, actor.userId());
        audit.recordChanges(Order.AUDITED, id, Collections.singletonMap("driver", before),
                Collections.singletonMap("driver", name));
        publish(order);
        return get(id);
    }

    /**
     * Records goods coming back after delivery: {@code RETURN} movements restock them, the lines count what
     * came back, and the refund is added to the order's {@code refunded}.
     */
    public OrderView recordReturn(UUID id, ReturnRequest request) {
        actor.require(Permission.ORDERS_WRITE);
        Order order = load(id);
        ReturnRequest r = request == null ? new ReturnRequest(null, null, null) : request;
        BigDecimal refundedBefore = order.refunded();
        List<ReturnsAtMostWhatWasSold.Asked> asked = r.lines() == null ? null : r.lines().stream()
                .map(l -> l == null ? null : new ReturnsAtMostWhatWasSold.Asked(l.lineId(), l.quantity())).toList();
        Order.Return taken = order.recordReturn(Ids.newId(), asked, r.reason(), r.refund(), clock.instant(),
                creditable(order.id()));
        String reason = taken.reason();
        repository.storeReturn(order, taken, actor.userId());
        // It now owes its total less what the returns credited; what was paid beyond is given back after the commit.
        payments.expect(order);
        taken.taken().forEach((line, quantity) -> movements.record(new MovementRequest(Ids.newId(), line.variantId(),
                MovementType.RETURN, quantity, null, null,
                reason == null ? "Retour client" : truncate("Retour client : " + reason, 200), order.number())));
        audit.record(Order.AUDITED, id, "RETURN", Map.of("refunded", refundedBefore),
                Map.of("refunded", order.refunded(), "units", taken.units()));
        publish(order);
        return get(id);
    }

    // ---------------------------------------------------------------- internals

    /**
     * What the return's credit note will credit (gross) for goods taken back, so the default refund follows it:
     * within what remains to credit per VAT rate after the invoice's earlier credit notes (see
     * {@link CreditNotes#withinRemaining}). Null while the order has no credit note: then the return is credited in
     * full, as the refund.
     */
    private java.util.function.Function<Map<LineView, Integer>, BigDecimal> creditable(UUID orderId) {
        List<InvoiceStore.Stored> documents = invoiceStore.documentsOf(actor.tenant(), orderId);
        Optional<InvoiceContent> invoice = documents.stream().map(InvoiceStore.Stored::content)
                .filter(c -> c.kind() == InvoiceContent.DocumentKind.INVOICE).findFirst();
        List<InvoiceContent> earlier = documents.stream().map(InvoiceStore.Stored::content)
                .filter(c -> c.kind() == InvoiceContent.DocumentKind.CREDIT_NOTE).toList();
        if (invoice.isEmpty() || earlier.isEmpty()) {
            return null;
        }
        return taken -> {
            List<CreditNotes.Returned> returned = taken.entrySet().stream()
                    .map(e -> new CreditNotes.Returned(e.getKey().sku(), e.getValue())).toList();
            List<InvoiceContent.Line> lines = CreditNotes.withinRemaining(invoice.get(), earlier,
                    CreditNotes.lines(invoice.get(), returned));
            return CreditNotes.totals(lines, invoice.get().currency()).gross();
        };
    }

    /** The aggregate, locked; a driver finds only their own orders (others: 404, as if they did not exist). */
    private Order load(UUID id) {
        Optional<UUID> driver = actor.restrictedDriver();
        // The locking query already leaves out other drivers' orders; the rule is stated once more, at no cost.
        return repository.lock(actor.tenant(), id, driver)
                .filter(o -> DriversDeliverOnlyTheirOwnOrders.sees(driver, o.driverId()))
                .orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** Hands the aggregate's events to Spring, which delivers them to listeners of other modules. */
    private void publish(Order order) {
        order.events().forEach(events::publishEvent);
    }

    private Author author() {
        return new Author(actor.userId(), actor.name());
    }

    private record Party(CustomerRef customer, AddressSnapshot address) {
    }

    /**
     * The customer (known or walk-in) and the delivery address snapshot: the given address of theirs, the one
     * given in full, or (if {@code useDefault}) their default delivery address.
     */
    private Party party(UUID customerId, WalkInCustomer walkIn, UUID addressId, AddressRequest inlineAddress,
                        boolean useDefault) {
        if (customerId != null) {
            CustomerView c = customers.find(customerId)
                    .orElseThrow(() -> InvalidInputException.field("customerId", "is not a customer of this business"));
            AddressSnapshot address;
            if (addressId != null) {
                AddressView a = c.addresses().stream().filter(x -> x.id().equals(addressId)).findFirst()
                        .orElseThrow(() -> InvalidInputException.field("deliveryAddressId", "is not an address of this customer"));
                address = snapshot(a);
            } else if (inlineAddress != null) {
                address = inline(inlineAddress);
            } else {
                address = useDefault ? c.addresses().stream().filter(AddressView::defaultDelivery).findFirst()
                        .map(Orders::snapshot).orElse(null) : null;
            }
            return new Party(new CustomerRef(c.id(), c.name(), c.phone()), address);
        }
        if (walkIn != null) {
            if (addressId != null) {
                throw InvalidInputException.field("deliveryAddressId", "needs a customerId (give a walk-in's address in full)");
            }
            return new Party(customers.walkIn(walkIn), inlineAddress == null ? null : inline(inlineAddress));
        }
        throw InvalidInputException.field("customerId", "is required (or a walk-in customer {name, phone})");
    }

    private static AddressSnapshot inline(AddressRequest request) {
        if (request == null) {
            return null;
        }
        AddressRequest a = Customers.validate(request);
        return new AddressSnapshot(null, a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions());
    }

    private static AddressSnapshot snapshot(AddressView a) {
        return new AddressSnapshot(a.id(), a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions());
    }

    private OrderView view(Order order) {
        return view(order, repository.history(order.tenantId(), order.id()));
    }

    private OrderView view(Order o, List<HistoryEntry> history) {
        List<OrderReturn> returns = o.status() == OrderStatus.DELIVERED
                ? repository.returns(o.tenantId(), o.id(), o.lines()) : List.of();
        return new OrderView(o.id(), o.number(), o.status(), o.customer(), o.address(), o.lines(), o.deliveryFee(),
                o.totals(), o.currency(), o.pricesIncludeVat(), o.notes(), o.driverId() == null ? null : new DriverRef(o.driverId(), o.driverName()),
                o.quoteId(), o.refunded(), returns, history, o.status().next(), o.createdAt(), o.updatedAt(), o.version(),
                payments.of(o.id(), o.status(), o.totals().gross(), o.refunded(), o.currency()));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** What the audit log keeps of a new order. */
    private static Map<String, Object> summary(Order order) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customer", order.customer().name());
        f.put("lines", order.lines().stream().map(l -> l.sku() + " × " + l.quantity()).toList());
        f.put("gross", order.totals().gross());
        return f;
    }

    /** What the audit log compares when an order's content changes. */
    private Map<String, Object> fields(Order order) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customer", order.customer().name());
        f.put("address", repository.json(order.address()));
        f.put("deliveryFee", order.deliveryFee());
        f.put("notes", order.notes());
        f.put("gross", order.totals().gross());
        return f;
    }
}
