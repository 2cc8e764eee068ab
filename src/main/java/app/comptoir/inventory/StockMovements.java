package app.comptoir.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.application.AlertDetector;
import app.comptoir.inventory.application.RecordedMovements;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.persistence.LevelStore.Level;
import app.comptoir.inventory.persistence.MovementStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Records movements in the ledger and changes the levels in the same transaction. A movement that
 * would leave less than nothing available is refused, unless its location allows negative stock.
 * Physical counts are {@link app.comptoir.inventory.application.StockCounts}, the journal's reads
 * {@link app.comptoir.inventory.application.RecordedMovements}: no other module uses them.
 */
@Service
@Transactional
public class StockMovements {

    private final MovementStore ledger;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final CatalogQueries catalog;
    private final StockLocations locations;
    private final LevelStore levels;
    private final AlertDetector alerts;
    private final RecordedMovements journal;
    private final Permissions permissions;

    StockMovements(MovementStore ledger, TenantContext tenantContext, Clock clock, CatalogQueries catalog,
                   StockLocations locations, LevelStore levels, AlertDetector alerts, RecordedMovements journal, Permissions permissions) {
        this.permissions = permissions;
        this.ledger = ledger;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.catalog = catalog;
        this.locations = locations;
        this.levels = levels;
        this.alerts = alerts;
        this.journal = journal;
    }

    /** A movement recorded, or found recorded under the same id by a replay of the same request. */
    public record Recorded(Movement movement, boolean replayed) {
    }

    /** Records a movement; the same client id sent again returns the movement recorded the first time. */
    public Movement record(MovementRequest request) {
        return record(request, null).movement();
    }

    /**
     * Records a movement under the hash of the HTTP request that asks for it (see
     * {@link app.comptoir.platform.IdempotencyKeys#requestHash}): the same client id sent again with the same
     * request returns the movement recorded the first time, marked replayed; with another request it is
     * refused (422 {@code idempotency-key-reused}). Client ids are unique per business only.
     */
    public Recorded record(MovementRequest request, String requestHash) {
        permissions.require(Permission.STOCK_WRITE);
        validate(request);
        UUID tenant = tenantContext.requireTenant();
        VariantSummary variant = variant(request.variantId());
        StockLocation from = locations.resolve(request.locationId());
        StockLocation to = null;
        if (request.type() == MovementType.TRANSFER) {
            if (request.toLocationId() == null) {
                throw InvalidInputException.field("toLocationId", "is required for a transfer");
            }
            to = locations.resolve(request.toLocationId());
            if (to.id().equals(from.id())) {
                throw InvalidInputException.field("toLocationId", "must differ from the source location");
            }
        } else if (request.toLocationId() != null) {
            throw InvalidInputException.field("toLocationId", "is only for a transfer");
        }
        int change = request.type().direction() == 0 ? request.quantity()
                : request.type().direction() * request.quantity();
        UUID id = request.id() == null ? Ids.newId() : request.id();
        Instant now = clock.instant();
        Instant happened = MovementRequest.happened(request.occurredAt(), now);
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        if (!ledger.record(id, tenant, variant.id(), request.type(), change, from.id(), to == null ? null : to.id(),
                blankToNull(request.reason()), blankToNull(request.reference()), actor, happened, now, requestHash)) {
            return new Recorded(alreadyRecorded(tenant, id, variant.id(), request.type(), requestHash), true);
        }
        Level level = apply(tenant, variant, from, change);
        ledger.balanceAfter(tenant, id, level.onHand());
        alerts.levelChanged(tenant, variant.id(), from.id(), level, request.type().outgoing());
        if (to != null) {
            Level arrived = levels.add(tenant, variant.id(), to.id(), request.quantity());
            alerts.levelChanged(tenant, variant.id(), to.id(), arrived, false);
        }
        return new Recorded(new Movement(id, variant.id(), variant.sku(), variant.label(), request.type(),
                Math.abs(change), change, from.id(), to == null ? null : to.id(), level.onHand(),
                blankToNull(request.reason()), blankToNull(request.reference()), actor, happened), false);
    }

    private Level apply(UUID tenant, VariantSummary variant, StockLocation location, int change) {
        if (change > 0) {
            return levels.add(tenant, variant.id(), location.id(), change);
        }
        Level level = levels.take(tenant, variant.id(), location.id(), -change, location.allowNegative());
        if (level == null) {
            int available = levels.available(tenant, variant.id(), location.id());
            throw new InsufficientStockException(List.of(new InsufficientStockException.Shortage(variant.id(),
                    variant.sku(), location.id(), -change, available)));
        }
        return level;
    }

    private Movement alreadyRecorded(UUID tenant, UUID id, UUID variantId, MovementType type, String requestHash) {
        if (requestHash != null && !IdempotencyKeys.sameRequest(ledger.requestHash(tenant, id).orElse(null), requestHash)) {
            throw IdempotencyKeys.reused("Movement id " + id);
        }
        Movement existing = journal.find(id).orElseThrow(() -> new ConflictException("movement-id-reused",
                "Movement id " + id + " is already used"));
        if (!existing.variantId().equals(variantId) || existing.type() != type) {
            throw new ConflictException("movement-id-reused",
                    "Movement id " + id + " was already used for another movement");
        }
        return existing;
    }

    /** The business's variant: another business's or none at all is a field error, never a ledger row. */
    private VariantSummary variant(UUID id) {
        return catalog.variant(id).orElseThrow(() -> InvalidInputException.field("variantId", "unknown variant"));
    }

    private static void validate(MovementRequest request) {
        if (request.variantId() == null) {
            throw InvalidInputException.field("variantId", "is required");
        }
        if (request.type() == null) {
            throw InvalidInputException.field("type", "is required");
        }
        if (request.quantity() == null || request.quantity() == 0
                || (request.quantity() < 0 && request.type() != MovementType.ADJUSTMENT)) {
            throw InvalidInputException.field("quantity", request.type() == MovementType.ADJUSTMENT
                    ? "must not be 0" : "must be more than 0");
        }
        if (Math.abs((long) request.quantity()) > 1_000_000_000L) {
            throw InvalidInputException.field("quantity", "is too large");
        }
        checkLength("reason", request.reason(), 200);
        checkLength("reference", request.reference(), 100);
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw InvalidInputException.field(field, "must be at most " + max + " characters");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
