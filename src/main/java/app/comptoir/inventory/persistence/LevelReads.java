package app.comptoir.inventory.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.StockStatus;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.platform.PageResponse;

/** The SQL that reads stock levels with their location's name and their variant's thresholds. */
@Component
public class LevelReads {

    /** One level as read, with what its status needs. */
    public record LevelRow(UUID variantId, UUID locationId, String locationName, StockLevel level,
                           Thresholds thresholds) {
    }

    private static final String LEVELS = """
            from stock_levels l
            join stock_locations loc on loc.tenant_id = l.tenant_id and loc.id = l.location_id
            left join stock_thresholds t on t.tenant_id = l.tenant_id and t.variant_id = l.variant_id
            where l.tenant_id = ?""";

    private static final String COLUMNS = "select l.*, loc.name as location_name, t.alert_level, t.overstock_level,"
            + " t.reorder_point, t.reorder_quantity ";

    private static final String AVAILABLE = "(l.on_hand - l.reserved)";

    private static final RowMapper<LevelRow> ROW = (rs, i) -> new LevelRow(rs.getObject("variant_id", UUID.class),
            rs.getObject("location_id", UUID.class), rs.getString("location_name"),
            new StockLevel(rs.getInt("on_hand"), rs.getInt("reserved")),
            new Thresholds((Integer) rs.getObject("alert_level"), (Integer) rs.getObject("overstock_level"),
                    (Integer) rs.getObject("reorder_point"), (Integer) rs.getObject("reorder_quantity"), null));

    private final JdbcTemplate jdbc;

    LevelReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of levels, most recently changed first, at a location, in a status and among variants when
     * given (null: any). Two statements: the count and the page.
     */
    public PageResponse<LevelRow> page(UUID tenant, UUID locationId, StockStatus status, UUID[] variantIds, int page,
                                       int size) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        args.add(tenant);
        if (locationId != null) {
            where.append(" and l.location_id = ?");
            args.add(locationId);
        }
        if (status != null) {
            where.append(" and ").append(statusCondition(status));
        }
        if (variantIds != null) {
            where.append(" and l.variant_id = any(?)");
            args.add(variantIds);
        }
        Long total = jdbc.queryForObject("select count(*) " + LEVELS + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<LevelRow> rows = jdbc.query(COLUMNS + LEVELS + where
                + " order by l.updated_at desc, l.variant_id, loc.name limit ? offset ?", ROW, args.toArray());
        return new PageResponse<>(rows, total == null ? 0 : total, page, size);
    }

    /** One level for a device's copy of the stock: on hand and reserved at a location. */
    public record LevelChange(UUID variantId, UUID locationId, int onHand, int reserved) {
    }

    /**
     * The levels changed after {@code since} (all when null), by variant then location after the given pair (null:
     * from the first), at most {@code limit}.
     */
    public List<LevelChange> changedSince(UUID tenant, java.time.Instant since, UUID afterVariant, UUID afterLocation,
                                          int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (since != null) {
            where.append(" and l.updated_at > ?");
            args.add(java.sql.Timestamp.from(since));
        }
        if (afterVariant != null) {
            where.append(" and (l.variant_id, l.location_id) > (?, ?)");
            args.add(afterVariant);
            args.add(afterLocation);
        }
        args.add(limit);
        return jdbc.query("select l.variant_id, l.location_id, l.on_hand, l.reserved from stock_levels l"
                        + " where l.tenant_id = ?" + where + " order by l.variant_id, l.location_id limit ?",
                (rs, i) -> new LevelChange(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4)), args.toArray());
    }

    /** The levels of one variant, default location first. */
    public List<LevelRow> ofVariant(UUID tenant, UUID variantId) {
        return jdbc.query(COLUMNS + LEVELS + " and l.variant_id = ? order by loc.is_default desc, loc.name", ROW,
                tenant, variantId);
    }

    /** The level of one variant at one location, if it ever had stock there. */
    public List<LevelRow> at(UUID tenant, UUID variantId, UUID locationId) {
        return jdbc.query(COLUMNS + LEVELS + " and l.variant_id = ? and l.location_id = ?", ROW, tenant, variantId,
                locationId);
    }

    /** The SQL pre-filter of a status: the same conditions as {@link StockRules#status}. */
    static String statusCondition(StockStatus status) {
        String low = "(t.alert_level is not null and " + AVAILABLE + " <= t.alert_level)";
        return switch (status) {
            case OUT -> AVAILABLE + " <= 0";
            case LOW -> "(" + AVAILABLE + " > 0 and " + low + ")";
            case OVERSTOCK -> "(" + AVAILABLE + " > 0 and not coalesce(" + low + ", false)"
                    + " and t.overstock_level is not null and l.on_hand > t.overstock_level)";
            case OK -> "(" + AVAILABLE + " > 0 and not coalesce(" + low + ", false)"
                    + " and not coalesce(t.overstock_level is not null and l.on_hand > t.overstock_level, false))";
        };
    }
}
