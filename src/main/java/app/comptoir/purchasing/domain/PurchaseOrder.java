package app.comptoir.purchasing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;

/**
 * A purchase order and its workflow: {@code DRAFT → SENT → CONFIRMED → SHIPPED → DELIVERED}, or {@code CANCELLED}.
 * It decides every move in one place, for the side that asks: a manual order (its supplier is a contact) moves
 * only from the buyer's side; a connected order (addressed to a registered supplier, {@link #supplierTenantId})
 * is sent and cancelled (while DRAFT or SENT) by the buyer, confirmed, shipped and delivered by the supplier, who
 * may also refuse it while SENT. Receipts take goods in against the lines, never more than what remains, and
 * complete the order once everything arrived. Each move is kept as a {@link StatusChange} for the timeline; the
 * use case loads, asks, stores {@link #recorded()} and publishes.
 */
public class PurchaseOrder {

    /** The audit trail's entity type of purchase orders. */
    public static final String AUDITED = "purchase_order";

    private final UUID tenantId;
    private final UUID id;
    private String number;
    private final UUID supplierId;
    private final UUID supplierTenantId;
    private final String supplierName;
    private final String buyerName;
    private PurchaseOrderStatus status;
    private final String currency;
    private LocalDate expectedOn;
    private String notes;
    private List<PurchaseOrderLine> lines;
    private final UUID recurringId;
    private final UUID reorderedFromId;
    private final Map<PurchaseOrderStatus, Instant> stamps;
    private String cancelReason;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;
    private final List<StatusChange> recorded = new ArrayList<>();

    /** Everything a stored order holds (for the store only: {@link #restore}). */
    public record State(UUID tenantId, UUID id, String number, UUID supplierId, UUID supplierTenantId,
                        String supplierName, String buyerName, PurchaseOrderStatus status, String currency,
                        LocalDate expectedOn, String notes, List<PurchaseOrderLine> lines, UUID recurringId,
                        UUID reorderedFromId, Instant sentAt, Instant confirmedAt, Instant shippedAt,
                        Instant deliveredAt, Instant cancelledAt, String cancelReason, Instant createdAt,
                        Instant updatedAt, long version) {
    }

    private PurchaseOrder(State s) {
        this.tenantId = s.tenantId();
        this.id = s.id();
        this.number = s.number();
        this.supplierId = s.supplierId();
        this.supplierTenantId = s.supplierTenantId();
        this.supplierName = s.supplierName();
        this.buyerName = s.buyerName();
        this.status = s.status();
        this.currency = s.currency();
        this.expectedOn = s.expectedOn();
        this.notes = s.notes();
        this.lines = List.copyOf(s.lines());
        this.recurringId = s.recurringId();
        this.reorderedFromId = s.reorderedFromId();
        this.stamps = new HashMap<>();
        stamp(PurchaseOrderStatus.SENT, s.sentAt());
        stamp(PurchaseOrderStatus.CONFIRMED, s.confirmedAt());
        stamp(PurchaseOrderStatus.SHIPPED, s.shippedAt());
        stamp(PurchaseOrderStatus.DELIVERED, s.deliveredAt());
        stamp(PurchaseOrderStatus.CANCELLED, s.cancelledAt());
        this.cancelReason = s.cancelReason();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.version = s.version();
    }

    /**
     * A new draft, not numbered yet, its lines already checked; connected when {@code supplierTenantId} (the
     * registered supplier's business) is given. Its first timeline step is the draft itself.
     */
    public static PurchaseOrder draft(UUID tenantId, UUID id, UUID supplierId, UUID supplierTenantId,
                                      String supplierName, String buyerName, String currency, LocalDate expectedOn,
                                      String notes, List<PurchaseOrderLine> lines, UUID recurringId,
                                      UUID reorderedFromId, Instant now, UUID by) {
        PurchaseOrder order = new PurchaseOrder(new State(tenantId, id, null, supplierId, supplierTenantId,
                supplierName, buyerName, PurchaseOrderStatus.DRAFT, currency, expectedOn, notes, lines, recurringId,
                reorderedFromId, null, null, null, null, null, null, now, now, 0));
        order.recorded.add(new StatusChange(PurchaseOrderStatus.DRAFT, null, false, now, by));
        return order;
    }

    /** An order as stored. */
    public static PurchaseOrder restore(State state) {
        return new PurchaseOrder(state);
    }

    /** Gives the new draft its number, once. */
    public void numbered(String number) {
        if (this.number != null) {
            throw new IllegalStateException("Purchase order " + this.number + " is already numbered");
        }
        this.number = number;
    }

    /** Whether the order is addressed to a registered supplier, whose side moves it once sent. */
    public boolean connected() {
        return supplierTenantId != null;
    }

    /**
     * Refuses a change of content unless it is a draft (what was sent is what the supplier holds) seen at the
     * version the client read, when it sent one.
     */
    public void requireChangeable(Long expectedVersion) {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new ConflictException("purchase-order-not-draft", "Purchase order " + number + " is " + status
                    + ": only a draft can change");
        }
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("concurrent-modification",
                    "The purchase order was changed by someone else; reload it");
        }
    }

    /** New content of a draft: expected date, notes and lines. */
    public void revise(LocalDate expectedOn, String notes, List<PurchaseOrderLine> lines, Instant at) {
        requireChangeable(null);
        this.expectedOn = expectedOn;
        this.notes = notes;
        this.lines = List.copyOf(lines);
        updatedAt = at;
    }

    /** The buyer sends the draft to its supplier; an order is only sent with lines. */
    public void send(Side side, Instant at, UUID by) {
        if (status == PurchaseOrderStatus.DRAFT && lines.isEmpty()) {
            throw new ConflictException("purchase-order-empty", "Purchase order " + number + " has no lines to send");
        }
        move(side, PurchaseOrderStatus.SENT, null, at, by);
    }

    /** The supplier (or, for a manual order, the buyer on its behalf) confirms a sent order. */
    public void confirm(Side side, Instant at, UUID by) {
        move(side, PurchaseOrderStatus.CONFIRMED, null, at, by);
    }

    /** The supplier (or, for a manual order, the buyer on its behalf) ships a confirmed order. */
    public void ship(Side side, Instant at, UUID by) {
        move(side, PurchaseOrderStatus.SHIPPED, null, at, by);
    }

    /** The supplier (or, for a manual order, the buyer) says a shipped order was delivered. */
    public void markDelivered(Side side, Instant at, UUID by) {
        move(side, PurchaseOrderStatus.DELIVERED, null, at, by);
    }

    /**
     * The buyer cancels a draft or a sent order (the reason is optional), or the supplier refuses a sent order
     * addressed to it (a reason is required: the buyer must know why).
     */
    public void cancel(Side side, String reason, Instant at, UUID by) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (side == Side.SUPPLIER && why == null && mayMove(side, PurchaseOrderStatus.CANCELLED)
                && status.canMoveTo(PurchaseOrderStatus.CANCELLED)) {
            throw InvalidInputException.field("reason", "is required to refuse an order");
        }
        move(side, PurchaseOrderStatus.CANCELLED, why, at, by);
        cancelReason = why;
    }

    /**
     * Takes goods in (buyer only, while SENT, CONFIRMED, SHIPPED or DELIVERED): for each line asked, at most what
     * remains of it; lines asked with 0 are left out. Every broken field is reported at once
     * ({@code lines[i].quantity}, {@code lines[i].lineId}). Once every line is fully received an order not
     * delivered yet becomes DELIVERED. Returns what was received, line by line, in the order asked.
     */
    public List<ReceivedLine> receive(Side side, List<LineQuantity> asked, Instant at, UUID by) {
        if (side != Side.BUYER) {
            throw new PurchaseOrderTransitionException("Only the buyer receives purchase order " + number
                    + " into its stock", status, null, List.of());
        }
        if (!status.receivable()) {
            throw new PurchaseOrderTransitionException("Purchase order " + number + " is " + status
                    + ": goods are received only once it is sent (and until it is cancelled)", status, null,
                    next(side));
        }
        if (asked == null || asked.isEmpty()) {
            throw InvalidInputException.field("lines", "must hold at least one line with a quantity");
        }
        Map<UUID, PurchaseOrderLine> byId = new HashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> taken = new HashMap<>();
        List<ReceivedLine> received = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            LineQuantity a = asked.get(i);
            String field = "lines[" + i + "]";
            if (a == null || a.lineId() == null) {
                errors.add(new InvalidInputException.FieldError(field + ".lineId", "is required"));
                continue;
            }
            PurchaseOrderLine line = byId.get(a.lineId());
            if (line == null) {
                errors.add(new InvalidInputException.FieldError(field + ".lineId", "is not a line of this order"));
                continue;
            }
            if (!seen.add(line.id())) {
                errors.add(new InvalidInputException.FieldError(field + ".lineId", "is given twice"));
                continue;
            }
            if (a.quantity() == null || a.quantity() < 0) {
                errors.add(new InvalidInputException.FieldError(field + ".quantity", "must be 0 or more"));
                continue;
            }
            if (a.quantity() == 0) {
                continue;
            }
            if (a.quantity() > line.remaining()) {
                errors.add(new InvalidInputException.FieldError(field + ".quantity", line.remaining() == 0
                        ? "nothing remains to receive on this line" : "must be at most " + line.remaining()
                        + " (what remains to receive)"));
                continue;
            }
            if (line.variantId() == null) {
                errors.add(new InvalidInputException.FieldError(field + ".lineId",
                        "has no variant of the catalog to put into stock"));
                continue;
            }
            taken.put(line.id(), a.quantity());
            received.add(new ReceivedLine(line.id(), line.variantId(), a.quantity(), line.unitCost()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        if (received.isEmpty()) {
            throw InvalidInputException.field("lines", "must hold at least one line with a quantity");
        }
        lines = lines.stream().map(l -> taken.containsKey(l.id()) ? l.withReceived(taken.get(l.id())) : l).toList();
        updatedAt = at;
        if (status != PurchaseOrderStatus.DELIVERED && fullyReceived()) {
            status = PurchaseOrderStatus.DELIVERED;
            stamp(PurchaseOrderStatus.DELIVERED, at);
            recorded.add(new StatusChange(PurchaseOrderStatus.DELIVERED, "Tout est reçu", false, at, by));
        }
        return received;
    }

    /** Whether every line arrived in full. */
    public boolean fullyReceived() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.remaining() == 0);
    }

    /** The statuses the side may move the order to now. */
    public List<PurchaseOrderStatus> next(Side side) {
        return status.next().stream().filter(s -> mayMove(side, s)).toList();
    }

    /** The order's total: the sum of its lines, in the currency's decimals. */
    public BigDecimal total() {
        return Money.round(lines.stream().map(PurchaseOrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                currency);
    }

    /** The timeline steps made since it was loaded (or created), oldest first, for the store to append. */
    public List<StatusChange> recorded() {
        return List.copyOf(recorded);
    }

    private void move(Side side, PurchaseOrderStatus target, String note, Instant at, UUID by) {
        if (!status.canMoveTo(target)) {
            throw new PurchaseOrderTransitionException("Purchase order " + number + " cannot go from " + status
                    + " to " + target + (status.next().isEmpty() ? " (" + status + " is final)"
                    : " (allowed: " + String.join(", ", status.next().stream().map(Enum::name).toList()) + ")"),
                    status, target, next(side));
        }
        if (!mayMove(side, target)) {
            throw new PurchaseOrderTransitionException(refusal(side, target), status, target, next(side));
        }
        status = target;
        stamp(target, at);
        updatedAt = at;
        recorded.add(new StatusChange(target, note, side == Side.SUPPLIER, at, by));
    }

    /** Which side makes which move (see the class comment). */
    private boolean mayMove(Side side, PurchaseOrderStatus target) {
        return switch (target) {
            case DRAFT -> false;
            case SENT -> side == Side.BUYER;
            case CONFIRMED, SHIPPED, DELIVERED -> connected() ? side == Side.SUPPLIER : side == Side.BUYER;
            case CANCELLED -> side == Side.BUYER
                    ? status == PurchaseOrderStatus.DRAFT || status == PurchaseOrderStatus.SENT
                    : connected() && status == PurchaseOrderStatus.SENT;
        };
    }

    private String refusal(Side side, PurchaseOrderStatus target) {
        if (side == Side.BUYER) {
            return "Purchase order " + number + " is addressed to a registered supplier: only the supplier moves it to "
                    + target;
        }
        if (!connected()) {
            return "Purchase order " + number + " is not addressed to a registered supplier: only the buyer moves it";
        }
        return target == PurchaseOrderStatus.SENT ? "Only the buyer sends purchase order " + number
                : "The supplier may refuse purchase order " + number + " only while it is SENT";
    }

    private void stamp(PurchaseOrderStatus s, Instant at) {
        if (at != null) {
            stamps.put(s, at);
        }
    }

    /** When the order reached the status (null if it never did). */
    public Instant reachedAt(PurchaseOrderStatus s) {
        return s == PurchaseOrderStatus.DRAFT ? createdAt : stamps.get(s);
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

    public UUID supplierId() {
        return supplierId;
    }

    public UUID supplierTenantId() {
        return supplierTenantId;
    }

    public String supplierName() {
        return supplierName;
    }

    public String buyerName() {
        return buyerName;
    }

    public PurchaseOrderStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public LocalDate expectedOn() {
        return expectedOn;
    }

    public String notes() {
        return notes;
    }

    public List<PurchaseOrderLine> lines() {
        return lines;
    }

    public UUID recurringId() {
        return recurringId;
    }

    public UUID reorderedFromId() {
        return reorderedFromId;
    }

    public String cancelReason() {
        return cancelReason;
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
}
