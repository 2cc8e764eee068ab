package app.comptoir.inventory.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.inventory.domain.LevelStore.Level;
import app.comptoir.platform.Ids;

/**
 * Raises an alert when a condition starts and resolves it when it ends, in the transaction of the
 * movement that changed the level (which holds the level's row lock, so checks of one level never race).
 * The partial unique index on open alerts keeps it to one alert per episode.
 */
@Component
public class AlertDetector {

    private static final List<AlertType> LEVEL_TYPES = List.of(AlertType.OUT_OF_STOCK, AlertType.LOW_STOCK,
            AlertType.OVERSTOCK);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlertDetector(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    private record Context(Map<AlertType, Integer> enabledRules, Integer alertLevel, Integer overstockLevel,
                           Integer reorderPoint) {
    }

    /** Checks the level-based conditions of a variant at a location after its level changed. */
    public void levelChanged(UUID tenant, UUID variant, UUID location, Level level, boolean outgoing) {
        Context context = context(tenant, variant);
        List<String> ended = new ArrayList<>();
        for (AlertType type : LEVEL_TYPES) {
            Integer threshold = active(type, context, level);
            if (threshold != null) {
                raise(tenant, type, variant, location, level.available(), threshold);
            } else {
                ended.add(type.name());
            }
        }
        if (outgoing) {
            ended.add(AlertType.SLOW_MOVING.name());
        }
        jdbc.update("""
                update stock_alerts set state = 'RESOLVED', resolved_at = ?
                 where tenant_id = ? and variant_id = ? and location_id = ? and resolved_at is null and type = any(?)""",
                Timestamp.from(clock.instant()), tenant, variant, location, ended.toArray(String[]::new));
    }

    /** Raises an alert unless one of this type is already open for the variant and location. */
    public boolean raise(UUID tenant, AlertType type, UUID variant, UUID location, int available, Integer threshold) {
        UUID id = Ids.newId();
        int inserted = jdbc.update("""
                insert into stock_alerts (id, tenant_id, type, severity, state, variant_id, location_id, available,
                  threshold, raised_at) values (?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)
                on conflict (tenant_id, type, variant_id, location_id) where resolved_at is null do nothing""",
                id, tenant, type.name(), type.severity(), variant, location, available, threshold,
                Timestamp.from(clock.instant()));
        if (inserted == 1) {
            events.publishEvent(new StockAlertRaised(tenant, id, type.name(), type.severity(), variant, location,
                    available));
        }
        return inserted == 1;
    }

    /** The threshold crossed if the condition holds (0 for out of stock), null otherwise. */
    private static Integer active(AlertType type, Context context, Level level) {
        if (!context.enabledRules().containsKey(type)) {
            return null;
        }
        int available = level.available();
        return switch (type) {
            case OUT_OF_STOCK -> available <= 0 ? 0 : null;
            case LOW_STOCK -> {
                Integer low = context.alertLevel();
                Integer percent = context.enabledRules().get(type);
                if (low == null && percent != null && context.reorderPoint() != null) {
                    low = context.reorderPoint() * percent / 100;
                }
                yield low != null && available > 0 && available <= low ? low : null;
            }
            case OVERSTOCK -> context.overstockLevel() != null && level.onHand() > context.overstockLevel()
                    ? context.overstockLevel() : null;
            default -> null;
        };
    }

    private Context context(UUID tenant, UUID variant) {
        Map<AlertType, Integer> rules = new EnumMap<>(AlertType.class);
        Integer[] thresholds = new Integer[3];
        jdbc.query("""
                select r.type, r.threshold, t.alert_level, t.overstock_level, t.reorder_point
                  from stock_alert_rules r
                  left join stock_thresholds t on t.tenant_id = r.tenant_id and t.variant_id = ?
                 where r.tenant_id = ? and r.enabled""", rs -> {
            rules.put(AlertType.valueOf(rs.getString(1)), (Integer) rs.getObject(2));
            thresholds[0] = (Integer) rs.getObject(3);
            thresholds[1] = (Integer) rs.getObject(4);
            thresholds[2] = (Integer) rs.getObject(5);
        }, variant, tenant);
        return new Context(rules, thresholds[0], thresholds[1], thresholds[2]);
    }
}
