package app.comptoir.inventory.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.persistence.LevelStore.Level;
import app.comptoir.platform.Ids;
import app.comptoir.inventory.domain.AlertType;

/**
 * Raises an alert when a condition starts and resolves it when it ends, in the transaction of the
 * movement that changed the level (which holds the level's row lock, so checks of one level never race).
 * The partial unique index on open alerts keeps it to one alert per episode.
 *
 * <p>Most changes leave every condition of a level as it was (clear of every threshold, or still past one
 * whose alert is open, such as a reservation on an overstocked variant): the change statement returned the
 * thresholds and the types of the level's open alerts ({@code open_alerts}, {@link LevelStore.Watch}) and
 * the tenant's rules are cached ({@link AlertRules#enabled}), so such a change is checked without a query.
 * The types are kept exact here: added when an alert is raised, recomputed whenever alerts are resolved.
 */
@Component
public class AlertDetector {

    private static final List<AlertType> LEVEL_TYPES = List.of(AlertType.OUT_OF_STOCK, AlertType.LOW_STOCK,
            AlertType.OVERSTOCK);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AlertRules rules;

    AlertDetector(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, AlertRules rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.rules = rules;
    }

    private record Context(Map<AlertType, Integer> enabledRules, Integer alertLevel, Integer overstockLevel,
                           Integer reorderPoint) {
    }

    /** Checks the level-based conditions of a variant at a location after its level changed. */
    public void levelChanged(UUID tenant, UUID variant, UUID location, Level level, boolean outgoing) {
        LevelStore.Watch watch = level.watch();
        Context context = watch == null ? context(tenant, variant)
                : new Context(rules.enabled(tenant), watch.alertLevel(), watch.overstockLevel(), watch.reorderPoint());
        Map<AlertType, Integer> active = new EnumMap<>(AlertType.class);
        List<String> ended = new ArrayList<>();
        for (AlertType type : LEVEL_TYPES) {
            Integer threshold = active(type, context, level);
            if (threshold != null) {
                active.put(type, threshold);
            } else {
                ended.add(type.name());
            }
        }
        if (outgoing) {
            ended.add(AlertType.SLOW_MOVING.name());
        }
        // With the open alerts known (read with the change): raise only the conditions that started, resolve
        // only the open alerts whose condition ended, and do nothing at all when no condition changed.
        Set<String> open = watch == null ? null : watch.openAlerts();
        if (open != null) {
            active.keySet().removeIf(type -> open.contains(type.name()));
            ended.retainAll(open);
            if (active.isEmpty() && ended.isEmpty()) {
                return;
            }
        }
        active.forEach((type, threshold) -> raise(tenant, type, variant, location, level.available(), threshold));
        if (ended.isEmpty()) {
            return;
        }
        // Resolves the ended episodes and leaves on the level the types of the alerts that stay open.
        jdbc.update("""
                with resolved as (
                    update stock_alerts set state = 'RESOLVED', resolved_at = ?
                     where tenant_id = ? and variant_id = ? and location_id = ? and resolved_at is null and type = any(?)
                    returning id)
                update stock_levels l set open_alerts = array(
                        select a.type::text from stock_alerts a
                         where a.tenant_id = l.tenant_id and a.variant_id = l.variant_id and a.location_id = l.location_id
                           and a.resolved_at is null and a.id not in (select id from resolved) order by a.type)
                 where l.tenant_id = ? and l.variant_id = ? and l.location_id = ?""",
                Timestamp.from(clock.instant()), tenant, variant, location, ended.toArray(String[]::new),
                tenant, variant, location);
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
            jdbc.update("""
                    update stock_levels set open_alerts = array_append(open_alerts, ?::text)
                     where tenant_id = ? and variant_id = ? and location_id = ? and not (?::text = any(open_alerts))""",
                    type.name(), tenant, variant, location, type.name());
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
        Integer[] thresholds = new Integer[3];
        jdbc.query("""
                select t.alert_level, t.overstock_level, t.reorder_point from stock_thresholds t
                 where t.tenant_id = ? and t.variant_id = ?""", rs -> {
            thresholds[0] = (Integer) rs.getObject(1);
            thresholds[1] = (Integer) rs.getObject(2);
            thresholds[2] = (Integer) rs.getObject(3);
        }, tenant, variant);
        return new Context(rules.enabled(tenant), thresholds[0], thresholds[1], thresholds[2]);
    }
}
