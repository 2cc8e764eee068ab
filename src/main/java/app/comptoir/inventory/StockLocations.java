package app.comptoir.inventory;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.inventory.application.AlertRules;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
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

    private static final RowMapper<StockLocation> LOCATION = (rs, i) -> new StockLocation(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("is_default"),
            rs.getBoolean("allow_negative"));

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final AlertRules alertRules;
    private final Map<UUID, StockLocation> defaults = new ConcurrentHashMap<>();

    StockLocations(JdbcTemplate jdbc, TenantContext tenantContext, Clock clock, AlertRules alertRules) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.alertRules = alertRules;
    }

    /** The locations, default first, then by name. */
    @Transactional
    public List<StockLocation> all() {
        defaultLocation();
        return jdbc.query("select * from stock_locations where tenant_id = ? order by is_default desc, lower(name)",
                LOCATION, tenantContext.requireTenant());
    }

    /** The default location, created (with the default alert rules) if the tenant has none yet. */
    public StockLocation defaultLocation() {
        UUID tenant = tenantContext.requireTenant();
        StockLocation known = defaults.get(tenant);
        if (known != null) {
            return known;
        }
        Optional<StockLocation> existing = jdbc.query(
                "select * from stock_locations where tenant_id = ? and is_default", LOCATION, tenant).stream().findFirst();
        if (existing.isPresent()) {
            remember(tenant, existing.get());
            return existing.get();
        }
        Integer registered = jdbc.update("insert into inventory_tenants (tenant_id) values (?) on conflict do nothing",
                tenant);
        if (registered == 1) {
            alertRules.createDefaults(tenant);
        }
        Timestamp now = Timestamp.from(clock.instant());
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        jdbc.update("""
                insert into stock_locations (id, tenant_id, name, is_default, allow_negative, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, true, false, ?, ?, ?, ?)
                on conflict do nothing""", Ids.newId(), tenant, DEFAULT_NAME, now, actor, now, actor);
        return jdbc.query("select * from stock_locations where tenant_id = ? and is_default", LOCATION, tenant)
                .getFirst();
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
        return jdbc.query("select * from stock_locations where tenant_id = ? and id = ?", LOCATION,
                        tenantContext.requireTenant(), id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Stock location", id.toString()));
    }

    /** Adds a location. */
    public StockLocation create(String name, boolean allowNegative) {
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
            jdbc.update("""
                    insert into stock_locations (id, tenant_id, name, is_default, allow_negative, created_at, created_by,
                      updated_at, updated_by) values (?, ?, ?, false, ?, ?, ?, ?, ?)""",
                    id, tenant, clean, allowNegative, Timestamp.from(now), actor, Timestamp.from(now), actor);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("duplicate-location",
                    "A location named " + clean.toLowerCase(Locale.ROOT) + " already exists");
        }
        return new StockLocation(id, clean, false, allowNegative);
    }
}
