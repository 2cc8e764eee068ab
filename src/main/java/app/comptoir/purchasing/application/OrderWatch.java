package app.comptoir.purchasing.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import app.comptoir.inventory.StockAlerts;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.PurchaseOrderUnconfirmed;
import app.comptoir.purchasing.persistence.OrderWatchStore;
import app.comptoir.purchasing.persistence.OrderWatchStore.AwaitedOrder;
import app.comptoir.purchasing.persistence.OrderWatchStore.UnconfirmedOrder;

/**
 * Watches a business's sent purchase orders ({@link OrderWatchJob}, hourly): an order still awaited (SENT,
 * CONFIRMED, SHIPPED) more than the LATE_DELIVERY rule's days after its expected date, in the business's time
 * zone, raises one late-delivery alert through inventory ({@link StockAlerts}); once delivered or cancelled (or
 * postponed so that it is no longer late) the alert is resolved. An order left SENT for the business's reminder
 * days publishes {@link PurchaseOrderUnconfirmed} once. {@code late_alerted_on} and {@code reminded_at} make each
 * happen once per order, whatever the number of runs and nodes (the reminder's mark is a guarded update; the
 * alert is unique per open order in inventory).
 */
@Component
public class OrderWatch {

    private static final Logger log = LoggerFactory.getLogger(OrderWatch.class);

    /** What one run did for a business. */
    public record Outcome(int alerted, int resolved, int reminded) {
    }

    private final OrderWatchStore store;
    private final StockAlerts alerts;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderWatch(OrderWatchStore store, StockAlerts alerts, TenantContext tenantContext, BusinessTime businessTime,
               PlatformTransactionManager txManager, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
        this.tx = new TransactionTemplate(txManager);
        this.events = events;
        this.clock = clock;
    }

    /** Plans the watch of every buying business at {@code at} (one execution each, not twice); how many. */
    public int planEveryBusiness(SchedulerClient scheduler, OneTimeTask<Void> watch, Instant at) {
        List<UUID> tenants = store.buyingTenants();
        int planned = 0;
        for (UUID tenant : tenants) {
            if (scheduler.scheduleIfNotExists(watch.instance(tenant.toString()), at)) {
                planned++;
            }
        }
        log.debug("Purchase order watch planned for {} of {} businesses", planned, tenants.size());
        return planned;
    }

    /** Watches the business's orders as of now. */
    public Outcome watch(UUID tenant) {
        return watch(tenant, clock.instant());
    }

    /** Watches the business's orders as of {@code now} (tests move it). */
    public Outcome watch(UUID tenant, Instant now) {
        return tenantContext.callAs(tenant, () -> tx.execute(status -> {
            LocalDate today = now.atZone(businessTime.zone()).toLocalDate();
            int alerted = 0;
            int resolved = 0;
            OptionalInt threshold = alerts.lateDeliveryThreshold();
            int days = threshold.orElse(0);
            for (AwaitedOrder order : store.awaited(tenant, today.minusDays(days))) {
                long late = ChronoUnit.DAYS.between(order.expectedOn(), today);
                boolean isLate = threshold.isPresent() && late > days;
                if (isLate && !order.expectedOn().equals(order.lateAlertedOn())) {
                    // a postponed order that is late again gets a new alert
                    if (order.lateAlertedOn() != null) {
                        alerts.resolveLateDelivery(order.id());
                    }
                    if (alerts.raiseLateDelivery(order.id(), order.number(), order.expectedOn(), (int) late)) {
                        alerted++;
                    }
                    store.markLateAlerted(tenant, order.id(), order.expectedOn());
                } else if (!isLate && order.lateAlertedOn() != null) {
                    if (alerts.resolveLateDelivery(order.id())) {
                        resolved++;
                    }
                    store.markLateAlerted(tenant, order.id(), null);
                }
            }
            for (UUID closed : store.alertedAndClosed(tenant)) {
                if (alerts.resolveLateDelivery(closed)) {
                    resolved++;
                }
                store.markLateAlerted(tenant, closed, null);
            }
            int reminderDays = store.reminderDays(tenant);
            int reminded = 0;
            for (UnconfirmedOrder order : store.unconfirmed(tenant, now.minus(Duration.ofDays(reminderDays)))) {
                if (store.markReminded(tenant, order.id(), now)) {
                    events.publishEvent(new PurchaseOrderUnconfirmed(tenant, order.id(), order.number(),
                            order.supplierName(), order.sentAt(), reminderDays));
                    reminded++;
                }
            }
            return new Outcome(alerted, resolved, reminded);
        }));
    }
}
