package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.NotFoundException;
import app.comptoir.sales.DeliveryFailed;
import app.comptoir.sales.DeliveryUndone;
import app.comptoir.sales.DriverAssigned;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderDelivered;
import app.comptoir.sales.OrderItem;
import app.comptoir.sales.OrderSentOut;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.ReturnRecorded;

/**
 * An order and its workflow: the one place that decides whether a step is allowed and what it means.
 *
 * <p>Why an aggregate: every rule about an order ("lines change only in a draft", "an empty order is not
 * confirmed", "the address changes until it leaves", "a return takes at most what is still out") used to be
 * re-checked by hand in each service method, in slightly different words. Here each transition method
 * ({@link #confirm}, {@link #startPreparing}, {@link #sendOut}, {@link #deliver}, {@link #cancel},
 * {@link #recordReturn}, {@link #assignDriver}, the content changes) first asks the rule, refuses with the
 * stable 409 problem type the API documents, then changes the state and registers the domain event other
 * modules may react to. The aggregate neither reads nor writes anything: a use case loads it (one locking
 * statement with its lines, so two steps of one order never interleave), asks it, stores it, performs the
 * stock effect it returned through inventory's API in the same transaction, then publishes
 * {@link #events()}. Being free of Spring and JDBC, every rule is tested in plain unit tests.
 *
 * <p>Modelled on the aggregates of Spring RESTBucks ({@code Order.markPaid}) and of the DDD library
 * example ({@code Patron.placeOnHold}).
 */
public class Order {

    /** The most lines an order (or a quote) holds: more is a mistake, and the page would not be usable. */
    public static final int MAX_LINES = 200;

    /** The audit trail's entity type of orders (also the kind of change {@code SalesFigures#version} counts). */
    public static final String AUDITED = "order";

    private final UUID tenantId;
    private final UUID id;
    private String number;
    private OrderStatus status;
    private CustomerRef customer;
    private AddressSnapshot address;
    private BigDecimal deliveryFee;
    private String notes;
    private final String currency;
    private final boolean pricesIncludeVat;
    private Totals totals;
    private BigDecimal refunded;
    private UUID driverId;
    private String driverName;
    private final UUID quoteId;
    private final Instant createdAt;
    private Instant updatedAt;
    private long version;
    private List<LineView> lines;
    /** When its goods left the stock ledger (first departure); kept when a delivery fails, null once cancelled. */
    private Instant soldAt;
    private final List<Object> events = new ArrayList<>();
    private boolean changed;

    private Order(UUID tenantId, UUID id, String number, OrderStatus status, CustomerRef customer,
                  AddressSnapshot address, BigDecimal deliveryFee, String notes, String currency,
                  boolean pricesIncludeVat, BigDecimal refunded, UUID driverId, String driverName, UUID quoteId,
                  Instant createdAt, Instant updatedAt, long version, List<LineView> lines) {
        this.pricesIncludeVat = pricesIncludeVat;
        this.tenantId = tenantId;
        this.id = id;
        this.number = number;
        this.status = status;
        this.customer = customer;
        this.address = address;
        this.deliveryFee = deliveryFee;
        this.notes = notes;
        this.currency = currency;
        this.refunded = refunded;
        this.driverId = driverId;
        this.driverName = driverName;
        this.quoteId = quoteId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.lines = List.copyOf(lines);
        this.totals = Pricing.totals(this.lines, deliveryFee, currency, pricesIncludeVat);
    }

    /**
     * A new draft, not numbered yet (its number comes from the statement that stores it, see {@link #numbered});
     * its unit prices and fee include VAT if {@code pricesIncludeVat} (see {@link Pricing}), for its whole life.
     */
    public static Order draft(UUID tenantId, UUID id, CustomerRef customer, AddressSnapshot address,
                              List<LineView> lines, BigDecimal deliveryFee, String notes, String currency,
                              boolean pricesIncludeVat, UUID quoteId, Instant now) {
        if (lines.size() > MAX_LINES) {
            throw InvalidInputException.field("lines", "must have at most " + MAX_LINES + " lines");
        }
        return new Order(tenantId, id, null, OrderStatus.DRAFT, customer, address, deliveryFee, notes, currency,
                pricesIncludeVat, Money.round(BigDecimal.ZERO, currency), null, null, quoteId, now, now, 0, lines);
    }

    /** An order as stored (for repositories only: no rule is checked). */
    public static Order restore(UUID tenantId, UUID id, String number, OrderStatus status, CustomerRef customer,
                                AddressSnapshot address, BigDecimal deliveryFee, String notes, String currency,
                                boolean pricesIncludeVat, BigDecimal refunded, UUID driverId, String driverName,
                                UUID quoteId, Instant createdAt, Instant updatedAt, long version, List<LineView> lines) {
        return new Order(tenantId, id, number, status, customer, address, deliveryFee, notes, currency,
                pricesIncludeVat, refunded,
                driverId, driverName, quoteId, createdAt, updatedAt, version, lines);
    }

    /**
     * An order as stored, with the time its goods left the stock ledger ({@code sold_at}; null if they did not):
     * an order back from a failed delivery is {@code PREPARING} with its goods already sold.
     */
    public static Order restore(UUID tenantId, UUID id, String number, OrderStatus status, CustomerRef customer,
                                AddressSnapshot address, BigDecimal deliveryFee, String notes, String currency,
                                boolean pricesIncludeVat, BigDecimal refunded, UUID driverId, String driverName,
                                UUID quoteId, Instant createdAt, Instant updatedAt, long version, List<LineView> lines,
                                Instant soldAt) {
        Order order = restore(tenantId, id, number, status, customer, address, deliveryFee, notes, currency,
                pricesIncludeVat, refunded,
                driverId, driverName, quoteId, createdAt, updatedAt, version, lines);
        order.soldAt = soldAt;
        return order;
    }

    /** Gives the stored draft its number, once. */
    public void numbered(String number) {
        if (this.number != null) {
            throw new IllegalStateException("Order " + this.number + " is already numbered");
        }
        this.number = number;
    }

    // ---------------------------------------------------------------- the workflow

    /** DRAFT → CONFIRMED: refused for an empty order; its lines are then to be reserved. */
    public StockEffect confirm(Instant at) {
        requireTransition(OrderStatus.CONFIRMED);
        if (lines.isEmpty()) {
            throw new ConflictException("order-empty", "Order " + number + " has no lines to confirm");
        }
        moved(OrderStatus.CONFIRMED, at);
        registerEvent(new OrderConfirmed(tenantId, id, number, customer.id(), items(), at));
        return StockEffect.RESERVE;
    }

    /** CONFIRMED → PREPARING. */
    public StockEffect startPreparing(Instant at) {
        requireTransition(OrderStatus.PREPARING);
        moved(OrderStatus.PREPARING, at);
        return StockEffect.NONE;
    }

    /**
     * PREPARING → OUT_FOR_DELIVERY: the reserved stock becomes sold, and the order counts as a sale. Leaving
     * again after a failed delivery moves no stock: its goods were sold at the first departure.
     */
    public StockEffect sendOut(Instant at) {
        requireTransition(OrderStatus.OUT_FOR_DELIVERY);
        boolean again = goodsOut();
        moved(OrderStatus.OUT_FOR_DELIVERY, at);
        registerEvent(new OrderSentOut(tenantId, id, number, driverId, items(), at));
        if (again) {
            return StockEffect.NONE;
        }
        soldAt = at;
        return StockEffect.COMMIT;
    }

    /** OUT_FOR_DELIVERY → DELIVERED. */
    public StockEffect deliver(Instant at) {
        requireTransition(OrderStatus.DELIVERED);
        moved(OrderStatus.DELIVERED, at);
        registerEvent(new OrderDelivered(tenantId, id, number, customer.id(), driverId, at));
        return StockEffect.NONE;
    }

    /**
     * Any status before delivered → CANCELLED: what it held goes back (a reservation is released, goods out
     * for delivery are restocked).
     */
    public StockEffect cancel(String note, Instant at) {
        requireTransition(OrderStatus.CANCELLED);
        OrderStatus from = status;
        // Goods back from a failed delivery were already sold: they go back on the shelf, like from the van.
        boolean sold = goodsOut() || from == OrderStatus.OUT_FOR_DELIVERY;
        moved(OrderStatus.CANCELLED, at);
        soldAt = null;
        registerEvent(new OrderCancelled(tenantId, id, number, from, items(), note, at));
        if (sold) {
            return StockEffect.RESTOCK;
        }
        return from.holdsReservation() ? StockEffect.RELEASE : StockEffect.NONE;
    }

    /**
     * OUT_FOR_DELIVERY → PREPARING: the delivery failed ({@code reason}; {@code note} required for
     * {@link FailedDeliveryReason#OTHER}) and the goods come back to the shop. No stock moves: they stay sold to
     * this order and set aside for it, so the next departure moves nothing and a cancellation restocks them.
     */
    public StockEffect failDelivery(FailedDeliveryReason reason, String note, Instant at) {
        if (status != OrderStatus.OUT_FOR_DELIVERY) {
            throw new IllegalTransitionException("Order " + number, status, OrderStatus.PREPARING, status.next());
        }
        if (reason == null) {
            throw InvalidInputException.field("reason", "is required (one of " + List.of(FailedDeliveryReason.values()) + ")");
        }
        String text = Checks.text("note", note, 500);
        if (reason == FailedDeliveryReason.OTHER && text == null) {
            throw InvalidInputException.field("note", "is required when the reason is OTHER");
        }
        moved(OrderStatus.PREPARING, at);
        registerEvent(new DeliveryFailed(tenantId, id, number, driverId, reason.name(), text, at));
        return StockEffect.NONE;
    }

    /**
     * DELIVERED → OUT_FOR_DELIVERY, shortly after a mistaken "delivered" (see {@link DeliveriesUndoBriefly}).
     * Delivering moved no stock (the goods were sold at departure), so taking it back moves none either:
     * whatever happens next (delivered again, cancelled and restocked) counts the goods once.
     */
    public StockEffect undoDelivery(Instant now) {
        boolean returned = refunded.signum() != 0 || lines.stream().anyMatch(l -> l.returnedQuantity() > 0);
        DeliveriesUndoBriefly.undo(number, status, updatedAt, returned, now).orConflict();
        moved(OrderStatus.OUT_FOR_DELIVERY, now);
        registerEvent(new DeliveryUndone(tenantId, id, number, driverId, now));
        return StockEffect.NONE;
    }

    /** Whether its goods already left the stock ledger while it is back in the shop (a failed delivery). */
    public boolean goodsOut() {
        return soldAt != null && status.holdsReservation();
    }

    /** The step to {@code target}, for the API that names the target status rather than the act. */
    public StockEffect moveTo(OrderStatus target, String note, Instant at) {
        return switch (target) {
            case CONFIRMED -> confirm(at);
            case PREPARING -> startPreparing(at);
            case OUT_FOR_DELIVERY -> sendOut(at);
            case DELIVERED -> deliver(at);
            case CANCELLED -> cancel(note, at);
            case DRAFT -> {
                requireTransition(OrderStatus.DRAFT);
                throw new IllegalStateException("no status moves back to DRAFT");
            }
        };
    }

    /** The one check of every step: 409 {@code illegal-transition} naming the allowed ones. */
    private void requireTransition(OrderStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Order " + number, status, target, status.next());
        }
    }

    private void moved(OrderStatus target, Instant at) {
        status = target;
        touched(at);
    }

    // ---------------------------------------------------------------- content

    /** The optimistic check of a client that sent the version it saw. */
    public void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new ConflictException("concurrent-modification", "The order was changed by someone else; reload it");
        }
    }

    /**
     * What a change touches: {@code content} (customer, lines, delivery fee), the delivery address, the
     * notes. Each has its own rule, see {@link #requireChangeable}.
     */
    public record Scope(boolean content, boolean address, boolean notes) {
    }

    /**
     * Refuses a change before its new values are even looked up (so a refused change reports the rule, not a
     * problem with the values): content only in a draft, the address until departure, notes until the order
     * is finished.
     */
    public void requireChangeable(Scope scope) {
        if (scope.content()) {
            LinesChangeOnlyInDraft.change(number, status, "customer, lines and delivery fee").orConflict();
        }
        if (scope.address()) {
            AddressChangesUntilDeparture.change(number, status).orConflict();
        }
        if (scope.notes()) {
            FinishedOrdersAreLocked.change(number, status).orConflict();
        }
    }

    /** New customer, address, fee and notes within {@code scope}; the totals follow. */
    public void revise(Scope scope, CustomerRef customer, AddressSnapshot address, BigDecimal deliveryFee, String notes,
                       Instant at) {
        requireChangeable(scope);
        this.customer = customer;
        this.address = address;
        this.deliveryFee = deliveryFee;
        this.notes = notes;
        retotal(at);
    }

    /** Replaces all lines of a draft. */
    public void replaceLines(List<LineView> lines, Instant at) {
        LinesChangeOnlyInDraft.change(number, status, "lines").orConflict();
        if (lines.size() > MAX_LINES) {
            throw InvalidInputException.field("lines", "must have at most " + MAX_LINES + " lines");
        }
        this.lines = List.copyOf(lines);
        retotal(at);
    }

    /** Refuses a new line before it is priced: only in a draft, and not beyond {@link #MAX_LINES}. */
    public void requireRoomForLine() {
        LinesChangeOnlyInDraft.change(number, status, "lines").orConflict();
        if (lines.size() >= MAX_LINES) {
            throw InvalidInputException.field("lines", "must have at most " + MAX_LINES + " lines");
        }
    }

    /** Adds a priced line at the end of a draft. */
    public void addLine(LineView line, Instant at) {
        requireRoomForLine();
        List<LineView> all = new ArrayList<>(lines);
        all.add(line);
        lines = List.copyOf(all);
        retotal(at);
    }

    /** Removes a line of a draft (404 if it is not one of its lines). */
    public LineView removeLine(UUID lineId, Instant at) {
        LinesChangeOnlyInDraft.change(number, status, "lines").orConflict();
        LineView removed = lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Order line", lineId));
        lines = lines.stream().filter(l -> l != removed).toList();
        retotal(at);
        return removed;
    }

    /** The most units a line sells (more is a typing mistake). */
    public static final int MAX_QUANTITY = 100_000;

    /**
     * Changes the quantity of a line of a draft, in place (the in-place edit of the order page): the line keeps
     * its price and discount, its net and the totals follow. 404 if it is not one of its lines.
     */
    public LineView changeQuantity(UUID lineId, Integer quantity, Instant at) {
        LinesChangeOnlyInDraft.change(number, status, "lines").orConflict();
        LineView line = lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Order line", lineId));
        if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
            throw InvalidInputException.field("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
        return replace(line, quantity, line.unitPrice(), at);
    }

    /**
     * Changes the unit price of a line of a draft, in place (as typed, in the order's basis: including VAT or
     * not): the line keeps its quantity and discount, its net and the totals follow. 404 if it is not one of
     * its lines; 400 unless an amount of the currency, 0 or more.
     */
    public LineView changeUnitPrice(UUID lineId, BigDecimal unitPrice, Instant at) {
        LinesChangeOnlyInDraft.change(number, status, "lines").orConflict();
        LineView line = lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Order line", lineId));
        if (unitPrice == null) {
            throw InvalidInputException.field("unitPrice", "is required");
        }
        return replace(line, line.quantity(), Checks.amount("unitPrice", unitPrice, currency), at);
    }

    /** The line with a new quantity or price, its net (excluding VAT, whichever way the price was entered) again. */
    private LineView replace(LineView line, int quantity, BigDecimal unitPrice, Instant at) {
        LineView changed = new LineView(line.id(), line.variantId(), line.sku(), line.label(), quantity,
                unitPrice, line.discount(), line.vatRate(), Pricing.lineNet(quantity, unitPrice, line.discount(),
                line.vatRate(), pricesIncludeVat, currency), line.returnedQuantity());
        lines = lines.stream().map(l -> l == line ? changed : l).toList();
        retotal(at);
        return changed;
    }

    /** Refuses deleting anything but a draft (later orders are cancelled, which keeps their history). */
    public void requireDeletable() {
        LinesChangeOnlyInDraft.deletion(number, status).orConflict();
    }

    /** Gives the order to a driver (null: nobody) while it still moves. */
    public void assignDriver(UUID driverId, String driverName, Instant at) {
        requireDriverChangeable();
        boolean changed = driverId != null && !driverId.equals(this.driverId);
        this.driverId = driverId;
        this.driverName = driverName;
        touched(at);
        if (changed) {
            registerEvent(new DriverAssigned(tenantId, id, number, driverId, driverName, at));
        }
    }

    /** Refuses a driver change before the driver is even looked up. */
    public void requireDriverChangeable() {
        FinishedOrdersAreLocked.change(number, status).orConflict();
    }

    // ---------------------------------------------------------------- returns

    /** Goods that came back: the quantities per line and the refund. */
    public record Return(UUID id, String reason, BigDecimal refund, Map<LineView, Integer> taken) {

        /** The units taken back, all lines together. */
        public int units() {
            return taken.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Takes goods back after delivery (see {@link ReturnsAtMostWhatWasSold}) and refunds them: by default the
     * returned share of each line with its VAT, never more than what was paid less earlier refunds.
     * {@code reason} is checked here, after the status, so a refused return reports the status first.
     */
    public Return recordReturn(UUID returnId, List<ReturnsAtMostWhatWasSold.Asked> asked, String reason,
                               BigDecimal requestedRefund, Instant at) {
        return recordReturn(returnId, asked, reason, requestedRefund, at, null);
    }

    /**
     * {@link #recordReturn(UUID, List, String, BigDecimal, Instant)}, the default refund kept within
     * {@code creditable}: the gross the return's credit note will credit for the goods taken back (less than
     * their share when a manual credit note already credited them; null when the invoice has no credit note yet).
     */
    public Return recordReturn(UUID returnId, List<ReturnsAtMostWhatWasSold.Asked> asked, String reason,
                               BigDecimal requestedRefund, Instant at,
                               java.util.function.Function<Map<LineView, Integer>, BigDecimal> creditable) {
        if (status != OrderStatus.DELIVERED) {
            throw new ConflictException("order-not-delivered", "Only a delivered order takes returns; order "
                    + number + " is " + status);
        }
        String why = Checks.text("reason", reason, 500);
        Map<UUID, Integer> byLine = ReturnsAtMostWhatWasSold.taken(number, lines, asked);
        Map<LineView, Integer> taken = new LinkedHashMap<>();
        BigDecimal due = Money.round(BigDecimal.ZERO, currency);
        for (LineView l : lines) {
            Integer q = byLine.get(l.id());
            if (q != null) {
                taken.put(l, q);
                due = due.add(Pricing.grossShare(l, q, currency, pricesIncludeVat));
            }
        }
        BigDecimal credited = creditable == null ? null : creditable.apply(taken);
        if (credited != null && credited.compareTo(due) < 0) {
            due = Money.round(credited.max(BigDecimal.ZERO), currency);
        }
        BigDecimal refund = requestedRefund == null ? due : Checks.amount("refund", requestedRefund, currency);
        BigDecimal refundable = totals.gross().subtract(refunded);
        if (refund.compareTo(refundable) > 0) {
            if (requestedRefund != null) {
                throw InvalidInputException.field("refund", "must be at most " + refundable + " (gross less earlier refunds)");
            }
            refund = refundable;
        }
        refunded = refunded.add(refund);
        lines = lines.stream().map(l -> taken.containsKey(l) ? new LineView(l.id(), l.variantId(), l.sku(), l.label(),
                l.quantity(), l.unitPrice(), l.discount(), l.vatRate(), l.net(), l.returnedQuantity() + taken.get(l)) : l)
                .toList();
        touched(at);
        registerEvent(new ReturnRecorded(tenantId, id, number, returnId, taken.entrySet().stream()
                .map(e -> new OrderItem(e.getKey().variantId(), e.getKey().sku(), e.getValue())).toList(), refund,
                currency, why, at));
        return new Return(returnId, why, refund, Collections.unmodifiableMap(taken));
    }

    // ---------------------------------------------------------------- events

    private void registerEvent(Object event) {
        events.add(event);
    }

    /** The events registered since it was loaded, oldest first, to publish once it is stored. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    // ---------------------------------------------------------------- state

    private void retotal(Instant at) {
        totals = Pricing.totals(lines, deliveryFee, currency, pricesIncludeVat);
        touched(at);
    }

    /** One stored change is one version, however many steps led to it (the store adds 1 too). */
    private void touched(Instant at) {
        updatedAt = at;
        if (!changed) {
            version++;
            changed = true;
        }
    }

    private List<OrderItem> items() {
        return lines.stream().map(l -> new OrderItem(l.variantId(), l.sku(), l.quantity())).toList();
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public OrderStatus status() {
        return status;
    }

    public CustomerRef customer() {
        return customer;
    }

    public AddressSnapshot address() {
        return address;
    }

    public BigDecimal deliveryFee() {
        return deliveryFee;
    }

    public String notes() {
        return notes;
    }

    public String currency() {
        return currency;
    }

    /** Whether its unit prices and delivery fee include VAT (TTC) or exclude it (HT). */
    public boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    public Totals totals() {
        return totals;
    }

    public BigDecimal refunded() {
        return refunded;
    }

    public UUID driverId() {
        return driverId;
    }

    public String driverName() {
        return driverName;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<LineView> lines() {
        return lines;
    }

    public Instant soldAt() {
        return soldAt;
    }
}
