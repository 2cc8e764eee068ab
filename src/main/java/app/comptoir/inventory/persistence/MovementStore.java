package app.comptoir.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.Movement;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.domain.MovementFilter;
import app.comptoir.platform.BusinessMetrics;
import app.comptoir.platform.PageResponse;

/**
 * The SQL of the movement ledger ({@code stock_movements}, append-only): recording movements and
 * reading them. The level a movement changes is written by {@link LevelStore}, in the same transaction. Being
 * the ledger's one writer, it also counts the movements recorded, by type ({@code comptoir_stock_movements_total}).
 */
@Component
public class MovementStore {

    private static final String COUNTER = "comptoir.stock.movements";
    private static final String COUNTER_HELP = "Stock movements recorded in the ledger, by type";

    private final JdbcTemplate jdbc;
    private final BusinessMetrics metrics;

    MovementStore(JdbcTemplate jdbc, BusinessMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    private void counted(MovementType type) {
        metrics.count(COUNTER, COUNTER_HELP, "type", type.name());
    }

    /**
     * Records a movement under its id, its balance to be set once the level changed; false when the id is
     * already recorded in the business (a retry). Ids are unique per business only: another business's
     * movement with the same id does not count.
     */
    public boolean record(UUID id, UUID tenant, UUID variant, MovementType type, int change, UUID location,
                          UUID toLocation, String reason, String reference, UUID actor, Instant at, Instant recordedAt,
                          String requestHash) {
        boolean recorded = jdbc.update("""
                insert into stock_movements (id, tenant_id, variant_id, type, quantity, location_id, to_location_id,
                  reason, reference, actor_id, occurred_at, recorded_at, request_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, id) do nothing""", id, tenant, variant, type.name(), change, location,
                toLocation, reason, reference, actor, Timestamp.from(at), Timestamp.from(recordedAt), requestHash) == 1;
        if (recorded) {
            counted(type);
        }
        return recorded;
    }

    /**
     * What the movements of a variant at a location that happened after {@code at} changed there (recorded before
     * now): a count made at {@code at} and received later is brought forward by it.
     */
    public int changeSince(UUID tenant, UUID variant, UUID location, Instant at) {
        Integer sum = jdbc.queryForObject("""
                select coalesce(sum(case when location_id = ? then quantity else 0 end), 0)
                     + coalesce(sum(case when to_location_id = ? then abs(quantity) else 0 end), 0)
                  from stock_movements
                 where tenant_id = ? and variant_id = ? and occurred_at > ?
                   and (location_id = ? or to_location_id = ?)""", Integer.class, location, location, tenant,
                variant, Timestamp.from(at), location, location);
        return sum == null ? 0 : sum;
    }

    /** The hash of the request that recorded the movement (null when none was stored). */
    public Optional<String> requestHash(UUID tenant, UUID id) {
        return jdbc.query("select request_hash from stock_movements where tenant_id = ? and id = ?",
                (rs, i) -> rs.getString(1), tenant, id).stream().findFirst();
    }

    /** Sets the on-hand quantity a movement left at its location. */
    public void balanceAfter(UUID tenant, UUID id, int onHand) {
        jdbc.update("update stock_movements set balance_after = ? where tenant_id = ? and id = ?", onHand, tenant, id);
    }

    /** Records the sale of reserved goods (type SALE, {@code change} negative) with the balance it left. */
    public void recordSale(UUID id, UUID tenant, UUID variant, int change, UUID location, int balanceAfter,
                           String reference, UUID actor, Instant at) {
        jdbc.update("""
                insert into stock_movements (id, tenant_id, variant_id, type, quantity, location_id, balance_after,
                  reference, actor_id, occurred_at) values (?, ?, ?, 'SALE', ?, ?, ?, ?, ?, ?)""",
                id, tenant, variant, change, location, balanceAfter, reference, actor, Timestamp.from(at));
        counted(MovementType.SALE);
    }

    /** Records the adjustment of a count (type ADJUSTMENT) with the balance it left. */
    public void recordAdjustment(UUID id, UUID tenant, UUID variant, int change, UUID location, int balanceAfter,
                                 String reason, UUID actor, Instant at, Instant recordedAt) {
        jdbc.update("""
                insert into stock_movements (id, tenant_id, variant_id, type, quantity, location_id, balance_after,
                  reason, actor_id, occurred_at, recorded_at) values (?, ?, ?, 'ADJUSTMENT', ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, variant, change, location, balanceAfter, reason, actor, Timestamp.from(at),
                Timestamp.from(recordedAt));
        counted(MovementType.ADJUSTMENT);
    }

    /** The journal, newest first (movements without their variant's SKU and label). */
    public PageResponse<Movement> page(UUID tenant, MovementFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where m.tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        if (filter.type() != null) {
            where.append(" and m.type = ?");
            args.add(filter.type().name());
        }
        if (filter.variantId() != null) {
            where.append(" and m.variant_id = ?");
            args.add(filter.variantId());
        }
        if (filter.locationId() != null) {
            where.append(" and (m.location_id = ? or m.to_location_id = ?)");
            args.add(filter.locationId());
            args.add(filter.locationId());
        }
        if (filter.from() != null) {
            where.append(" and m.occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and m.occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from stock_movements m" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Movement> rows = jdbc.query("select m.* from stock_movements m" + where
                + " order by m.occurred_at desc, m.id desc limit ? offset ?", (rs, i) -> movement(rs), args.toArray());
        return new PageResponse<>(rows, total == null ? 0 : total, page, size);
    }

    /** One movement (without its variant's SKU and label). */
    public Optional<Movement> find(UUID tenant, UUID id) {
        return jdbc.query("select m.* from stock_movements m where m.tenant_id = ? and m.id = ?",
                (rs, i) -> movement(rs), tenant, id).stream().findFirst();
    }

    /** Whether the business has recorded any movement. */
    public boolean any(UUID tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from stock_movements where tenant_id = ?)", Boolean.class, tenant));
    }

    private static Movement movement(ResultSet rs) throws SQLException {
        int change = rs.getInt("quantity");
        return new Movement(rs.getObject("id", UUID.class), rs.getObject("variant_id", UUID.class), null, null,
                MovementType.valueOf(rs.getString("type")), Math.abs(change), change,
                rs.getObject("location_id", UUID.class), rs.getObject("to_location_id", UUID.class),
                (Integer) rs.getObject("balance_after"), rs.getString("reason"), rs.getString("reference"),
                rs.getObject("actor_id", UUID.class), rs.getTimestamp("occurred_at").toInstant());
    }
}
