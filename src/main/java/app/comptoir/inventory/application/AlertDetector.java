package app.comptoir.inventory.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.inventory.domain.AlertChanges;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.inventory.persistence.LevelStore.Level;

/**
 * Raises an alert when a condition starts and resolves it when it ends, in the transaction of the
 * movement that changed the level (which holds the level's row lock, so checks of one level never race).
 * What to raise and resolve is decided by {@link StockRules#changes}; this class only feeds it and acts.
 *
 * <p>Most changes leave every condition of a level as it was (clear of every threshold, or still past one
 * whose alert is open, such as a reservation on an overstocked variant): the change statement returned the
 * thresholds and the types of the level's open alerts ({@link LevelStore.Watch}) and the tenant's rules are
 * cached ({@link AlertRules#enabled}), so such a change is checked without a query.
 */
@Component
public class AlertDetector {

    private final AlertStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AlertRules rules;

    AlertDetector(AlertStore store, Clock clock, ApplicationEventPublisher events, AlertRules rules) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.rules = rules;
    }

    /** Checks the level-based conditions of a variant at a location after its level changed. */
    public void levelChanged(UUID tenant, UUID variant, UUID location, Level level, boolean outgoing) {
        LevelStore.Watch watch = level.watch();
        Thresholds thresholds = watch == null ? store.thresholds(tenant, variant) : watch.thresholds();
        AlertChanges changes = StockRules.changes(level.stock(), thresholds, rules.enabled(tenant),
                watch == null ? null : watch.openAlerts(), outgoing);
        if (changes.isEmpty()) {
            return;
        }
        changes.raise().forEach((type, threshold) -> raise(tenant, type, variant, location, level.available(),
                threshold));
        if (!changes.resolve().isEmpty()) {
            store.resolve(tenant, variant, location, changes.resolve(), clock.instant());
        }
    }

    /** Raises an alert unless one of this type is already open for the variant and location; true if raised. */
    public boolean raise(UUID tenant, AlertType type, UUID variant, UUID location, int available, Integer threshold) {
        AlertStore.Raised raised = store.raise(tenant, type, variant, location, available, threshold, clock.instant());
        if (raised == null) {
            return false;
        }
        events.publishEvent(new StockAlertRaised(tenant, raised.id(), type.name(), type.severity(), variant, location,
                available, raised.channels()));
        return true;
    }
}
