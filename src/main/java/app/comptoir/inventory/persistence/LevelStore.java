package app.comptoir.inventory.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.Thresholds;

/**
 * The only writer of {@code stock_levels}. Every change is one atomic statement whose guard refuses
 * to take more than is available, so concurrent transactions can never oversell: PostgreSQL locks the
 * row for the statement and re-checks the guard against the latest committed value.
 *
 * <p>The same statement also reads what the alert check needs (the variant's thresholds and the alerts
 * open for the level, see {@link Watch}), so that a change which leaves every condition as it was (clear
 * of every threshold, or still past one whose alert is open) costs no further round trip.
 */
@Component
public class LevelStore {

    /** On hand and reserved after a change, with what the alert check needs (null when not read). */
    public record Level(int onHand, int reserved, Watch watch) {

        public Level(int onHand, int reserved) {
            this(onHand, reserved, null);
        }

        public int available() {
            return onHand - reserved;
        }

        /** The level as the stock rules see it. */
        public StockLevel stock() {
            return new StockLevel(onHand, reserved);
        }
    }

    /**
     * The variant's thresholds and the types of the alerts open for this level. The types are read from
     * the changed row itself, so they are the latest committed value even when the change had to wait for
     * another transaction's lock (a subquery would read the statement's older snapshot).
     */
    public record Watch(Thresholds thresholds, Set<AlertType> openAlerts) {
    }

    private static final RowMapper<Level> WATCHED = (rs, i) -> new Level(rs.getInt("on_hand"), rs.getInt("reserved"),
            new Watch(Thresholds.watched((Integer) rs.getObject("alert_level"), (Integer) rs.getObject("overstock_level"),
                    (Integer) rs.getObject("reorder_point")), openAlerts(rs.getArray("open_alerts"))));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Availability availability;

    LevelStore(JdbcTemplate jdbc, Clock clock, Availability availability) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.availability = availability;
    }

    /** Adds to on hand (creating the level), no guard. */
    public Level add(UUID tenant, UUID variant, UUID location, int quantity) {
        return tracked(tenant, variant, quantity, jdbc.queryForObject(watched("""
                insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                values (?, ?, ?, ?, 0, ?)
                on conflict (tenant_id, variant_id, location_id)
                do update set on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                returning *"""), WATCHED,
                tenant, variant, location, quantity, now()));
    }

    /** Takes from on hand if that leaves available ≥ 0 (or always if negative stock is allowed); null if refused. */
    public Level take(UUID tenant, UUID variant, UUID location, int quantity, boolean allowNegative) {
        if (allowNegative) {
            return add(tenant, variant, location, -quantity);
        }
        return tracked(tenant, variant, -quantity, first(jdbc.query(watched("""
                update stock_levels set on_hand = on_hand - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ? and on_hand - reserved >= ?
                returning *"""), WATCHED,
                quantity, now(), tenant, variant, location, quantity)));
    }

    /** Reserves if available suffices (or always if negative stock is allowed); null if refused. */
    public Level reserve(UUID tenant, UUID variant, UUID location, int quantity, boolean allowNegative) {
        if (allowNegative) {
            jdbc.update("""
                    insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                    values (?, ?, ?, 0, 0, ?) on conflict do nothing""", tenant, variant, location, now());
        }
        return tracked(tenant, variant, -quantity, first(jdbc.query(watched("""
                update stock_levels set reserved = reserved + ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ? and (? or on_hand - reserved >= ?)
                returning *"""), WATCHED,
                quantity, now(), tenant, variant, location, allowNegative, quantity)));
    }

    /** Gives back a reservation. */
    public Level unreserve(UUID tenant, UUID variant, UUID location, int quantity) {
        return tracked(tenant, variant, quantity, jdbc.queryForObject(watched("""
                update stock_levels set reserved = reserved - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning *"""), WATCHED,
                quantity, now(), tenant, variant, location));
    }

    /** Turns reserved quantity into goods gone (a sale). */
    public Level consumeReserved(UUID tenant, UUID variant, UUID location, int quantity) {
        return jdbc.queryForObject(watched("""
                update stock_levels set reserved = reserved - ?, on_hand = on_hand - ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning *"""), WATCHED,
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

    /** Sets on hand to a counted quantity (call {@link #lock} first, which gave {@code before}). */
    public Level setOnHand(UUID tenant, UUID variant, UUID location, Level before, int onHand) {
        return tracked(tenant, variant, onHand - before.onHand(), jdbc.queryForObject(watched("""
                update stock_levels set on_hand = ?, updated_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ?
                returning *"""), WATCHED,
                onHand, now(), tenant, variant, location));
    }

    /** What is available now (0 without a level). */
    public int available(UUID tenant, UUID variant, UUID location) {
        return first(jdbc.queryForList("""
                select on_hand - reserved from stock_levels where tenant_id = ? and variant_id = ? and location_id = ?""",
                Integer.class, tenant, variant, location), 0);
    }

    /** The change statement (returning the level's row) with the variant's thresholds and open alerts. */
    private static String watched(String change) {
        return "with changed as (" + change + """
                )
                select c.on_hand, c.reserved, c.open_alerts, t.alert_level, t.overstock_level, t.reorder_point
                  from changed c
                  left join stock_thresholds t on t.tenant_id = c.tenant_id and t.variant_id = c.variant_id""";
    }

    /** Tells {@link Availability} that a change (if made: null is a refusal) moved what is available. */
    private Level tracked(UUID tenant, UUID variant, int availableChange, Level after) {
        if (after != null) {
            availability.changed(tenant, variant, after, availableChange);
        }
        return after;
    }

    private static Set<AlertType> openAlerts(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        String[] types = (String[]) array.getArray();
        if (types.length == 0) {
            return Set.of();
        }
        Set<AlertType> open = EnumSet.noneOf(AlertType.class);
        for (String type : types) {
            open.add(AlertType.valueOf(type));
        }
        return open;
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
