package app.comptoir.inventory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.StockLocation;

/** The SQL of stock locations, and of the register of businesses that keep stock ({@code inventory_tenants}). */
@Component
public class LocationStore {

    private static final RowMapper<StockLocation> LOCATION = (rs, i) -> new StockLocation(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("is_default"),
            rs.getBoolean("allow_negative"));

    private final JdbcTemplate jdbc;

    LocationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The locations, default first, then by name. */
    public List<StockLocation> all(UUID tenant) {
        return jdbc.query("select * from stock_locations where tenant_id = ? order by is_default desc, lower(name)",
                LOCATION, tenant);
    }

    /** The business's default location, if it has one yet. */
    public Optional<StockLocation> defaultLocation(UUID tenant) {
        return jdbc.query("select * from stock_locations where tenant_id = ? and is_default", LOCATION, tenant).stream()
                .findFirst();
    }

    /** Registers the business as keeping stock; false if it already was. */
    public boolean register(UUID tenant) {
        return jdbc.update("insert into inventory_tenants (tenant_id) values (?) on conflict do nothing", tenant) == 1;
    }

    /** Adds the default location unless one exists (a concurrent first use may have added it). */
    public void addDefault(UUID id, UUID tenant, String name, UUID actor, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into stock_locations (id, tenant_id, name, is_default, allow_negative, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, true, false, ?, ?, ?, ?)
                on conflict do nothing""", id, tenant, name, now, actor, now, actor);
    }

    /** The location with this id. */
    public Optional<StockLocation> find(UUID tenant, UUID id) {
        return jdbc.query("select * from stock_locations where tenant_id = ? and id = ?", LOCATION, tenant, id).stream()
                .findFirst();
    }

    /** Adds a location (a name already used throws {@link org.springframework.dao.DuplicateKeyException}). */
    public void add(UUID id, UUID tenant, String name, boolean allowNegative, UUID actor, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into stock_locations (id, tenant_id, name, is_default, allow_negative, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, false, ?, ?, ?, ?, ?)""",
                id, tenant, name, allowNegative, now, actor, now, actor);
    }

    /** The businesses that keep stock (not tenant data: read without a tenant). */
    public List<UUID> stockedTenants() {
        return jdbc.queryForList("select tenant_id from inventory_tenants order by tenant_id", UUID.class);
    }
}
