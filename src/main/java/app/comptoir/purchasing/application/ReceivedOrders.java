package app.comptoir.purchasing.application;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.TextInput;
import app.comptoir.purchasing.domain.PurchaseOrder;
import app.comptoir.purchasing.domain.Side;
import app.comptoir.purchasing.persistence.PurchaseOrderStore;
import app.comptoir.purchasing.persistence.SupplierOrderReads;
import app.comptoir.purchasing.persistence.SupplierOrderReads.Detail;
import app.comptoir.purchasing.persistence.SupplierOrderReads.Summary;

/**
 * The orders a registered supplier receives from shopkeepers (connected orders addressed to its business): the
 * list and detail, and the supplier's moves: accept (SENT to CONFIRMED), refuse with a reason (to CANCELLED), ship
 * and deliver. Each loads the aggregate through the purchase order store and asks it with {@link Side#SUPPLIER}; the
 * aggregate refuses what the supplier may not do (409 {@code purchase-order-transition}). Row-level security lets
 * a business read only its own orders and those addressed to it.
 */
@Service
public class ReceivedOrders {

    private static final Set<String> STATUSES = Set.of("SENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");

    private final SupplierOrderReads reads;
    private final PurchaseOrderStore store;
    private final SupplierSpace space;
    private final PurchasingActor actor;
    private final Clock clock;

    ReceivedOrders(SupplierOrderReads reads, PurchaseOrderStore store, SupplierSpace space, PurchasingActor actor,
                   Clock clock) {
        this.reads = reads;
        this.store = store;
        this.space = space;
        this.actor = actor;
        this.clock = clock;
    }

    /** One page of the received orders, newest first, by status and buyer name (each optional). */
    @Transactional(readOnly = true)
    public PageResponse<Summary> list(String status, String buyer, int page, int size) {
        actor.require(Permission.READ);
        UUID me = space.requireSupplierId();
        PageRequests.of(page, size, Sort.unsorted());
        String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        if (!s.isEmpty() && !STATUSES.contains(s)) {
            throw InvalidInputException.field("status", "must be one of SENT, CONFIRMED, SHIPPED, DELIVERED, CANCELLED");
        }
        String b = buyer == null ? "" : buyer.strip();
        if (b.length() > 120 || TextInput.hasControlCharacter(b)) {
            throw InvalidInputException.field("buyer", "must be at most 120 characters, without control characters");
        }
        return new PageResponse<>(reads.page(me, s, b, page * size, size), reads.count(me, s, b), page, size);
    }

    /** A received order with its lines and timeline. */
    @Transactional(readOnly = true)
    public Detail find(UUID id) {
        actor.require(Permission.READ);
        UUID me = space.requireSupplierId();
        return reads.find(me, id).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    /** Accepts a sent order (SENT to CONFIRMED). */
    @Transactional
    public Detail accept(UUID id) {
        return move(id, o -> o.confirm(Side.SUPPLIER, clock.instant(), actor.userId()));
    }

    /** Refuses a sent order, with the reason the buyer reads (to CANCELLED). */
    @Transactional
    public Detail refuse(UUID id, String reason) {
        actor.require(Permission.PURCHASES_WRITE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 300 || TextInput.hasControlCharacter(why)) {
            throw InvalidInputException.field("reason", "is required (at most 300 characters)");
        }
        return move(id, o -> o.cancel(Side.SUPPLIER, why, clock.instant(), actor.userId()));
    }

    /** Marks a confirmed order shipped. */
    @Transactional
    public Detail ship(UUID id) {
        return move(id, o -> o.ship(Side.SUPPLIER, clock.instant(), actor.userId()));
    }

    /** Marks a shipped order delivered. */
    @Transactional
    public Detail deliver(UUID id) {
        return move(id, o -> o.markDelivered(Side.SUPPLIER, clock.instant(), actor.userId()));
    }

    private Detail move(UUID id, Consumer<PurchaseOrder> act) {
        actor.require(Permission.PURCHASES_WRITE);
        UUID me = space.requireSupplierId();
        // Drafts stay the buyer's: the supplier sees (and moves) an order once it was sent.
        PurchaseOrder order = store.find(id, true)
                .filter(o -> me.equals(o.supplierTenantId()) && o.status() != app.comptoir.purchasing.domain.PurchaseOrderStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("Purchase order", id));
        act.accept(order);
        store.storeStatus(order, actor.userId());
        return reads.find(me, id).orElseThrow();
    }
}
