package app.comptoir.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.domain.SlowMoving;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.inventory.persistence.AlertStore.SlowMovingCandidate;
import app.comptoir.inventory.persistence.LocationStore;
import app.comptoir.platform.TenantContext;

/**
 * Sums up the stock that has not gone out for the rule's number of days ({@link SlowMoving}) in ONE
 * digest alert per run and business (SLOW_MOVING, no variant: the number of dormant stock levels and their
 * units), which replaces the previous run's: a shop with thousands of dormant products gets one line to
 * read, not thousands of alerts hiding its stock-outs. Run daily by db-scheduler ({@link SlowMovingJob}): the daily run only plans one
 * execution per business, and each business is then checked in its own execution, claimed through the
 * database by one node. A business's execution is deleted once it has completed, so a crash in the middle
 * leaves the others planned (and its own revived): no business waits a day for a run that died.
 */
@Component
public class SlowMovingDetection {

    private static final Logger log = LoggerFactory.getLogger(SlowMovingDetection.class);

    private final AlertStore store;
    private final LocationStore locations;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SlowMovingDetection(AlertStore store, LocationStore locations, TenantContext tenantContext, PlatformTransactionManager txManager,
                        Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.locations = locations;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.events = events;
    }

    /**
     * Plans the check of every business that keeps stock at {@code at}, one execution each; a business
     * whose check is still planned (not run yet, or failing) is not planned twice. Returns how many.
     */
    public int planEveryBusiness(SchedulerClient scheduler, OneTimeTask<Void> check, Instant at) {
        List<UUID> tenants = locations.stockedTenants();
        int planned = 0;
        for (UUID tenant : tenants) {
            if (scheduler.scheduleIfNotExists(check.instance(tenant.toString()), at)) {
                planned++;
            }
        }
        log.info("Slow-moving stock: check planned for {} of {} businesses", planned, tenants.size());
        return planned;
    }

    /** Raises the tenant's slow-moving digest as of now; returns how many stock levels it sums up. */
    public int detect(UUID tenant) {
        return detect(tenant, clock.instant());
    }

    /**
     * Replaces the tenant's slow-moving digest by one as of {@code now} (none if no stock is dormant or the
     * rule is off); returns how many stock levels it sums up.
     */
    public int detect(UUID tenant, Instant now) {
        Integer dormant = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            List<Integer> days = store.slowMovingRule(tenant);
            if (days.isEmpty()) {
                return 0;
            }
            SlowMoving rule = SlowMoving.ofRule(days.getFirst());
            int items = 0;
            int units = 0;
            for (SlowMovingCandidate c : store.slowMovingCandidates(tenant, rule.since(now))) {
                if (rule.holds(c.level(), c.firstMovementAt(), c.lastOutgoingAt(), now)) {
                    items++;
                    units += c.level().onHand();
                }
            }
            AlertStore.Raised raised = store.replaceSlowMovingDigest(tenant, items, units, rule.days(), now);
            if (raised != null) {
                events.publishEvent(new StockAlertRaised(tenant, raised.id(), AlertType.SLOW_MOVING.name(),
                        AlertType.SLOW_MOVING.severity(), null, null, units, raised.channels()));
            }
            return items;
        }));
        return dormant == null ? 0 : dormant;
    }
}
