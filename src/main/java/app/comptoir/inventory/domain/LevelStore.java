package app.comptoir.inventory.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code stock_levels}. Every change is one atomic statement whose guard refuses
 * to take more than is available, so concurrent transactions can never oversell: PostgreSQL locks the
 * row for the statement and re-checks the guard against the latest committed value.
 */
@Component
public class LevelStore {

    /** On hand and reserved after a change. */
    public record Level(int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LevelStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds to on hand (creating the level), no guard. */
    public Level add(UUID tenant, UUID variant, UUID location, int quantity) {
        return jdbc.queryForObject("""
                insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                values (?, ?, ?, ?, 0, ?)
                on conflict (tenant_id, variant_id, location_id)
                do update set on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                tenant, variant, location, quantity, now());
    }

    /** Takes from on hand if that leaves available ≥ 0 (or always if negative stock is allowed); null if refused. */
    public Level take(UUID tenant, UUID variant, UUID location, int quantity, boolean allowNegative) {
        if (allowNegative) {
            return add(tenant, variant, location, -quantity);
        }
        return first(jdbc.query("""
                update stock_levels set on_hand = on_hand - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ? and on_hand - reserved >= ?
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                quantity, now(), tenant, variant, location, quantity));
    }

    /** Reserves if available suffices (or always if negative stock is allowed); null if refused. */
    public Level reserve(UUID tenant, UUID variant, UUID location, int quantity, boolean allowNegative) {
        if (allowNegative) {
            jdbc.update("""
                    insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                    values (?, ?, ?, 0, 0, ?) on conflict do nothing""", tenant, variant, location, now());
        }
        return first(jdbc.query("""
                update stock_levels set reserved = reserved + ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ? and (? or on_hand - reserved >= ?)
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                quantity, now(), tenant, variant, location, allowNegative, quantity));
    }

    /** Gives back a reservation. */
    public Level unreserve(UUID tenant, UUID variant, UUID location, int quantity) {
        return jdbc.queryForObject("""
                update stock_levels set reserved = reserved - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                quantity, now(), tenant, variant, location);
    }

    /** Turns reserved quantity into goods gone (a sale). */
    public Level consumeReserved(UUID tenant, UUID variant, UUID location, int quantity) {
        return jdbc.queryForObject("""
                update stock_levels set reserved = reserved - ?, on_hand = on_hand - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                quantity, quantity, now(), tenant, variant, location);
    }

    /** Locks the level (creating it empty) until the end of the transaction and returns it. */
    public Level lock(UUID tenant, UUID variant, UUID location) {
        jdbc.update("""
                insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                values (?, ?, ?, 0, 0, ?) on conflict do nothing""", tenant, variant, location, now());
        return jdbc.queryForObject("""
                select on_hand, reserved from stock_levels
                 where tenant_id = ? and variant_id = ? and location_id = ? for update""",
                (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)), tenant, variant, location);
    }

    /** Sets on hand to a counted quantity (call {@link #lock} first). */
    public Level setOnHand(UUID tenant, UUID variant, UUID location, int onHand) {
        return jdbc.queryForObject("""
                update stock_levels set on_hand = ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning on_hand, reserved""", (rs, i) -> new Level(rs.getInt(1), rs.getInt(2)),
                onHand, now(), tenant, variant, location);
    }

    /** What is available now (0 without a level). */
    public int available(UUID tenant, UUID variant, UUID location) {
        return first(jdbc.queryForList("""
                select on_hand - reserved from stock_levels where tenant_id = ? and variant_id = ? and location_id = ?""",
                Integer.class, tenant, variant, location), 0);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static <T> T first(List<T> rows) {
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private static <T> T first(List<T> rows, T fallback) {
        return rows.isEmpty() ? fallback : rows.getFirst();
    }
}
