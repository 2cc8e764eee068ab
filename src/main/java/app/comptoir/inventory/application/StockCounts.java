package app.comptoir.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.Movement;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockQueries;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.persistence.LevelStore.Level;
import app.comptoir.inventory.persistence.MovementStore;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Physical counts: the quantity found on the shelf, recorded as the adjustment that makes the level
 * match, in the ledger and the level in the same transaction. Only inventory's own screens and API
 * record counts; other modules move stock through {@link app.comptoir.inventory.StockMovements}.
 */
@Service
@Transactional
public class StockCounts {

    private final MovementStore ledger;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final CatalogQueries catalog;
    private final StockLocations locations;
    private final LevelStore levels;
    private final AlertDetector alerts;
    private final StockQueries queries;
    private final RecordedMovements journal;
    private final Permissions permissions;

    StockCounts(MovementStore ledger, TenantContext tenantContext, Clock clock, CatalogQueries catalog,
                StockLocations locations, LevelStore levels, AlertDetector alerts, StockQueries queries,
                RecordedMovements journal, Permissions permissions) {
        this.permissions = permissions;
        this.ledger = ledger;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.catalog = catalog;
        this.locations = locations;
        this.levels = levels;
        this.alerts = alerts;
        this.queries = queries;
        this.journal = journal;
    }

    /** Records a physical count as the adjustment that brings on hand to the counted quantity. */
    public CountResult count(CountRequest request) {
        permissions.require(Permission.STOCK_WRITE);
        if (request.variantId() == null) {
            throw InvalidInputException.field("variantId", "is required");
        }
        if (request.countedQuantity() == null || request.countedQuantity() < 0) {
            throw InvalidInputException.field("countedQuantity", "must be 0 or more");
        }
        if (request.reason() != null && request.reason().strip().length() > 200) {
            throw InvalidInputException.field("reason", "must be at most 200 characters");
        }
        Instant now = clock.instant();
        Instant happened = MovementRequest.happened(request.occurredAt(), now);
        UUID tenant = tenantContext.requireTenant();
        VariantSummary variant = catalog.variant(request.variantId())
                .orElseThrow(() -> new NotFoundException("Variant", request.variantId().toString()));
        StockLocation location = locations.resolve(request.locationId());
        // The level row is locked first, so two deliveries of the same count are serialized here.
        Level before = levels.lock(tenant, variant.id(), location.id());
        if (request.id() != null) {
            Optional<Movement> existing = journal.find(request.id());
            if (existing.isPresent()) {
                return new CountResult(queries.level(variant.id(), location.id()), existing.get());
            }
        }
        // Counted earlier (offline): what moved there since the count still counts (a sale after it took its unit).
        int target = request.countedQuantity()
                + (happened.equals(now) ? 0 : ledger.changeSince(tenant, variant.id(), location.id(), happened));
        if (target < 0 && !location.allowNegative()) {
            target = 0;
        }
        Level after = levels.setOnHand(tenant, variant.id(), location.id(), before, target);
        int delta = after.onHand() - before.onHand();
        Movement movement = null;
        // A count sent with its id is recorded even when it changes nothing: sent again, it is found, never re-applied.
        if (delta != 0 || request.id() != null) {
            UUID id = request.id() == null ? Ids.newId() : request.id();
            UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
            String reason = request.reason() == null || request.reason().isBlank() ? "Inventaire physique"
                    : request.reason().strip();
            ledger.recordAdjustment(id, tenant, variant.id(), delta, location.id(), after.onHand(), reason, actor,
                    happened, now);
            movement = new Movement(id, variant.id(), variant.sku(), variant.label(), MovementType.ADJUSTMENT,
                    Math.abs(delta), delta, location.id(), null, after.onHand(), reason, null, actor, happened);
            if (delta != 0) {
                alerts.levelChanged(tenant, variant.id(), location.id(), after, false);
            }
        }
        return new CountResult(queries.level(variant.id(), location.id()), movement);
    }
}
