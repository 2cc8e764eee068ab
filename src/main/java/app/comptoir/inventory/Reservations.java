package app.comptoir.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.application.AlertDetector;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.persistence.LevelStore.Level;
import app.comptoir.inventory.persistence.MovementStore;
import app.comptoir.inventory.persistence.ReservationStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Holds stock for orders: reserve a set of lines all or nothing, release them, or commit them as
 * {@code SALE} movements. Each line is one guarded atomic update, taken in variant order so that two
 * reservations of the same variants cannot deadlock; under any concurrency nothing is oversold.
 *
 * <p>A reservation costs three statements in the usual case: the reservation with its lines, one
 * guarded update per line (which also returns what the alert check needs), and the tenant setting of
 * the transaction; the default location and the alert rules come from per-node caches. Checking that
 * the variants are the business's costs nothing more there (see {@link #reserve(UUID, String, List, String)}).
 */
@Service
@Transactional
public class Reservations {

    private final ReservationStore store;
    private final MovementStore ledger;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final StockLocations locations;
    private final LevelStore levels;
    private final AlertDetector alerts;
    private final StockQueries queries;
    private final Permissions permissions;

    Reservations(ReservationStore store, MovementStore ledger, TenantContext tenantContext, Clock clock,
                 StockLocations locations, LevelStore levels, AlertDetector alerts, StockQueries queries,
                 Permissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.ledger = ledger;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.locations = locations;
        this.levels = levels;
        this.alerts = alerts;
        this.queries = queries;
    }

    /**
     * Reserves every line or none, refusing with {@link InsufficientStockException} (naming every short
     * line and what is available) when one cannot be served. The id may come from the caller: reserving
     * again under the same id returns the existing reservation.
     */
    public Reservation reserve(UUID id, String reference, List<ReservationLine> lines) {
        return reserve(id, reference, lines, null).reservation();
    }

    /** A reservation made, or found made under the same id by a replay of the same request. */
    public record Reserved(Reservation reservation, boolean replayed) {
    }

    /**
     * Reserves under the hash of the HTTP request that asks for it (see
     * {@link app.comptoir.platform.IdempotencyKeys#requestHash}): the same id sent again with the same request
     * returns the reservation made the first time, marked replayed; with another request it is refused (422
     * {@code idempotency-key-reused}). Ids are unique per business only.
     *
     * <p>Every variant must be one of the business's (else a field error on {@code lines[i].variantId}). At a
     * location that does not allow negative stock this costs nothing: a level row exists only for the
     * business's variants (movements and counts check the variant before creating one), so an unknown
     * variant fails the guarded update like a shortage, and the shortage's variant lookup tells them apart.
     * At a location that allows negative stock the level is created on the fly, so the variants are looked up
     * first (one statement, only for such reservations).
     */
    public Reserved reserve(UUID id, String reference, List<ReservationLine> lines, String requestHash) {
        permissions.require(Permission.STOCK_WRITE);
        return hold(id, reference, lines, requestHash);
    }

    /**
     * An order's step (confirmation): the order's use case has already checked who may move it
     * (ORDERS_WRITE), and moving an order is not recording stock by hand, so STOCK_WRITE is not asked.
     */
    public Reservation reserveForOrder(UUID orderId, String number, List<ReservationLine> lines) {
        return hold(orderId, number, lines, null).reservation();
    }

    /** An order's step (cancellation): checked by the order's use case, see {@link #reserveForOrder}. */
    public Reservation releaseForOrder(UUID orderId) {
        return giveBack(orderId);
    }

    /** An order's step (delivery, possibly by its driver): checked by the order's use case, see {@link #reserveForOrder}. */
    public Reservation commitForOrder(UUID orderId) {
        return sell(orderId);
    }

    private Reserved hold(UUID id, String reference, List<ReservationLine> lines, String requestHash) {
        if (lines == null || lines.isEmpty()) {
            throw InvalidInputException.field("lines", "must not be empty");
        }
        UUID tenant = tenantContext.requireTenant();
        StockLocation defaultLocation = locations.defaultLocation();
        Map<String, ReservationLine> merged = new LinkedHashMap<>();
        Map<UUID, StockLocation> byId = new LinkedHashMap<>();
        Map<UUID, Integer> firstLine = new LinkedHashMap<>();
        boolean createsLevels = false;
        for (int i = 0; i < lines.size(); i++) {
            ReservationLine line = lines.get(i);
            if (line == null || line.variantId() == null) {
                throw InvalidInputException.field("lines[" + i + "].variantId", "is required");
            }
            if (line.quantity() < 1) {
                throw InvalidInputException.field("lines[" + i + "].quantity", "must be more than 0");
            }
            firstLine.putIfAbsent(line.variantId(), i);
            StockLocation location = line.locationId() == null ? defaultLocation
                    : byId.computeIfAbsent(line.locationId(), locations::resolve);
            byId.putIfAbsent(location.id(), location);
            createsLevels |= location.allowNegative();
            merged.merge(line.variantId() + "/" + location.id(),
                    new ReservationLine(line.variantId(), line.quantity(), location.id()),
                    (a, b) -> new ReservationLine(a.variantId(), a.quantity() + b.quantity(), a.locationId()));
        }
        List<ReservationLine> ordered = new ArrayList<>(merged.values());
        ordered.sort(Comparator.comparing(ReservationLine::variantId).thenComparing(ReservationLine::locationId));
        if (createsLevels) {
            Map<UUID, VariantSummary> known = queries.variants(List.copyOf(firstLine.keySet()));
            unknownVariant(firstLine, known);
        }
        UUID reservationId = id == null ? Ids.newId() : id;
        Instant now = clock.instant();
        // The reservation and its lines in one statement; none when the id exists (a retry).
        if (!store.insert(reservationId, tenant, StockMovements.blankToNull(reference), ordered, now, requestHash)) {
            if (requestHash != null
                    && !IdempotencyKeys.sameRequest(store.requestHash(tenant, reservationId).orElse(null), requestHash)) {
                throw IdempotencyKeys.reused("Reservation id " + reservationId);
            }
            return new Reserved(find(reservationId).orElseThrow(() -> new ConflictException("reservation-id-reused",
                    "Reservation id " + reservationId + " is already used")), true);
        }
        // The guarded updates come last: a hot variant's row stays locked only from its update to the
        // commit, with nothing in between but the alert check (no query when the level is clear).
        List<Level> reserved = new ArrayList<>();
        for (ReservationLine line : ordered) {
            Level level = levels.reserve(tenant, line.variantId(), line.locationId(), line.quantity(),
                    byId.get(line.locationId()).allowNegative());
            if (level == null) {
                throw shortage(tenant, ordered, reserved.size(), firstLine);
            }
            reserved.add(level);
        }
        for (int i = 0; i < ordered.size(); i++) {
            alerts.levelChanged(tenant, ordered.get(i).variantId(), ordered.get(i).locationId(), reserved.get(i), false);
        }
        return new Reserved(new Reservation(reservationId, StockMovements.blankToNull(reference),
                Reservation.Status.ACTIVE, ordered, now), false);
    }

    /** Gives the reserved stock back; releasing a released reservation does nothing. */
    public Reservation release(UUID id) {
        permissions.require(Permission.STOCK_WRITE);
        return giveBack(id);
    }

    private Reservation giveBack(UUID id) {
        Reservation reservation = find(id).orElseThrow(() -> new NotFoundException("Reservation", id.toString()));
        if (!transition(reservation, Reservation.Status.RELEASED)) {
            return reservation.with(Reservation.Status.RELEASED);
        }
        UUID tenant = tenantContext.requireTenant();
        for (ReservationLine line : reservation.lines()) {
            Level level = levels.unreserve(tenant, line.variantId(), line.locationId(), line.quantity());
            alerts.levelChanged(tenant, line.variantId(), line.locationId(), level, false);
        }
        return reservation.with(Reservation.Status.RELEASED);
    }

    /** Turns the reserved stock into {@code SALE} movements (reference: the reservation's); idempotent. */
    public Reservation commit(UUID id) {
        permissions.require(Permission.STOCK_WRITE);
        return sell(id);
    }

    private Reservation sell(UUID id) {
        Reservation reservation = find(id).orElseThrow(() -> new NotFoundException("Reservation", id.toString()));
        if (!transition(reservation, Reservation.Status.COMMITTED)) {
            return reservation.with(Reservation.Status.COMMITTED);
        }
        UUID tenant = tenantContext.requireTenant();
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        Instant now = clock.instant();
        for (ReservationLine line : reservation.lines()) {
            Level level = levels.consumeReserved(tenant, line.variantId(), line.locationId(), line.quantity());
            ledger.recordSale(Ids.newId(), tenant, line.variantId(), -line.quantity(), line.locationId(), level.onHand(),
                    reservation.reference() == null ? reservation.id().toString() : reservation.reference(), actor, now);
            alerts.levelChanged(tenant, line.variantId(), line.locationId(), level, true);
        }
        return reservation.with(Reservation.Status.COMMITTED);
    }

    /** A reservation with its lines. */
    @Transactional(readOnly = true)
    public Optional<Reservation> find(UUID id) {
        return store.find(tenantContext.requireTenant(), id);
    }

    /** Moves an active reservation to the target status; false if it already was there (a retry). */
    private boolean transition(Reservation reservation, Reservation.Status target) {
        if (store.close(tenantContext.requireTenant(), reservation.id(), target, clock.instant())) {
            return true;
        }
        Reservation.Status now = find(reservation.id()).map(Reservation::status).orElse(reservation.status());
        if (now == target) {
            return false;
        }
        throw new ConflictException("reservation-closed", "The reservation is already " + now);
    }

    /** Refuses the first line whose variant is not one of the business's, with a field error. */
    private static void unknownVariant(Map<UUID, Integer> firstLine, Map<UUID, VariantSummary> known) {
        firstLine.forEach((variant, line) -> {
            if (!known.containsKey(variant)) {
                throw InvalidInputException.field("lines[" + line + "].variantId", "unknown variant");
            }
        });
    }

    private InsufficientStockException shortage(UUID tenant, List<ReservationLine> lines, int alreadyReserved,
                                                Map<UUID, Integer> firstLine) {
        Map<UUID, VariantSummary> variants = queries.variants(lines.stream().map(ReservationLine::variantId).toList());
        // No level for a variant that is not the business's: an unknown variant, not a shortage.
        unknownVariant(firstLine, variants);
        List<InsufficientStockException.Shortage> shortages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReservationLine line = lines.get(i);
            // Lines before the refused one were reserved by this (doomed) transaction: add them back.
            int available = levels.available(tenant, line.variantId(), line.locationId())
                    + (i < alreadyReserved ? line.quantity() : 0);
            if (available < line.quantity()) {
                VariantSummary v = variants.get(line.variantId());
                shortages.add(new InsufficientStockException.Shortage(line.variantId(), v == null ? null : v.sku(),
                        line.locationId(), line.quantity(), available));
            }
        }
        return new InsufficientStockException(shortages);
    }
}
