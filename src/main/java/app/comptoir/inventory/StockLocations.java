package app.comptoir.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.inventory.application.AlertRules;
import app.comptoir.inventory.persistence.LocationStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The current tenant's stock locations; the default one ("Boutique") is created on first use.
 *
 * <p>Every movement and reservation without a location needs the default one, so each node keeps it
 * per tenant once it is committed. That is right on every node of a cluster without any invalidation:
 * a tenant's default location is never changed, replaced or deleted (there is no such operation), and
 * a location is only remembered after the transaction that read it commits.
 */
@Service
@Transactional
public class StockLocations {

    /** Name of the location every tenant starts with. */
    public static final String DEFAULT_NAME = "Boutique";

    private final LocationStore store;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final AlertRules alertRules;
    private final Map<UUID, StockLocation> defaults = new ConcurrentHashMap<>();
    private final Permissions permissions;

    StockLocations(LocationStore store, TenantContext tenantContext, Clock clock, AlertRules alertRules, Permissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.alertRules = alertRules;
    }

    /** The locations, default first, then by name. */
    @Transactional
    public List<StockLocation> all() {
        defaultLocation();
        return store.all(tenantContext.requireTenant());
    }

    /** The default location, created (with the default alert rules) if the tenant has none yet. */
    public StockLocation defaultLocation() {
        UUID tenant = tenantContext.requireTenant();
        StockLocation known = defaults.get(tenant);
        if (known != null) {
            return known;
        }
        Optional<StockLocation> existing = store.defaultLocation(tenant);
        if (existing.isPresent()) {
            remember(tenant, existing.get());
            return existing.get();
        }
        if (store.register(tenant)) {
            alertRules.createDefaults(tenant);
        }
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        store.addDefault(Ids.newId(), tenant, DEFAULT_NAME, actor, clock.instant());
        return store.defaultLocation(tenant).orElseThrow();
    }

    /** Keeps the tenant's default location once the current transaction commits (at once without one). */
    private void remember(UUID tenant, StockLocation location) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            defaults.put(tenant, location);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (defaults.size() > 10_000) {
                    defaults.clear();
                }
                defaults.put(tenant, location);
            }
        });
    }

    /** The location with this id, or the default one when id is null. */
    public StockLocation resolve(UUID id) {
        if (id == null) {
            return defaultLocation();
        }
        return store.find(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Stock location", id.toString()));
    }

    /** Adds a location. */
    public StockLocation create(String name, boolean allowNegative) {
        permissions.require(Permission.STOCK_WRITE);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw InvalidInputException.field("name", "must be 1 to 80 characters");
        }
        defaultLocation();
        UUID tenant = tenantContext.requireTenant();
        UUID id = Ids.newId();
        Instant now = clock.instant();
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        try {
            store.add(id, tenant, clean, allowNegative, actor, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("duplicate-location",
                    "A location named " + clean.toLowerCase(Locale.ROOT) + " already exists");
        }
        return new StockLocation(id, clean, false, allowNegative);
    }
}
