package app.comptoir.inspections.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.inspections.InspectionDue;
import app.comptoir.inspections.domain.DueDates;
import app.comptoir.inspections.persistence.ReminderStore;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.TenantContext;

/**
 * The motorist's reminder before the next due date (every hour, claimed through db-scheduler): a vehicle with an
 * owner's e-mail whose next inspection or counter-visit is due within the centre's reminder period (30 days by
 * default, {@code inspection_settings.reminder_days_before}) and not past publishes {@link InspectionDue} once per due
 * date: {@code vehicles.reminded_for} is set by a guarded update in the same transaction as the publication, so two
 * runs or two nodes remind once, and a new inspection (a new due date) is reminded again in its time.
 */
@Component
public class DueReminders {

    private static final Logger log = LoggerFactory.getLogger(DueReminders.class);

    private final ReminderStore store;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DueReminders(ReminderStore store, TenantContext tenantContext, BusinessTime businessTime,
                 ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Reminds the owners of every business with vehicles; how many. */
    public int remindEverywhere() {
        List<UUID> tenants = tx.execute(s -> store.tenants());
        int reminded = 0;
        for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
            try {
                reminded += remind(tenant);
            } catch (RuntimeException e) {
                log.warn("Inspection reminders of business {} failed: {}", tenant, e.toString());
            }
        }
        return reminded;
    }

    /** Reminds the business's owners whose vehicle is due soon, as of the clock's today; how many. */
    public int remind(UUID tenant) {
        return tenantContext.callAs(tenant, () -> {
            Integer count = tx.execute(s -> {
                LocalDate today = LocalDate.now(clock.withZone(businessTime.zone()));
                int days = store.reminderDays(tenant);
                int reminded = 0;
                for (ReminderStore.Candidate c : store.candidates(tenant)) {
                    DueDates.Due due = DueDates.next(c.firstRegisteredOn(), c.last()).orElse(null);
                    if (due == null || due.on().isBefore(today) || due.on().isAfter(today.plusDays(days))
                            || due.on().equals(c.remindedFor())) {
                        continue;
                    }
                    if (store.markReminded(tenant, c.vehicleId(), due.on())) {
                        events.publishEvent(new InspectionDue(tenant, c.vehicleId(), c.plate(), c.ownerName(),
                                c.ownerEmail(), due.on(), due.counterVisit()));
                        reminded++;
                    }
                }
                return reminded;
            });
            return count == null ? 0 : count;
        });
    }

    /** The hourly task. */
    @Configuration(proxyBeanMethods = false)
    static class Job {

        static final String NAME = "inspections-due-reminders";

        @Bean
        RecurringTask<Void> inspectionDueReminders(DueReminders reminders) {
            return Tasks.recurring(NAME, Schedules.fixedDelay(Duration.ofHours(1)))
                    .execute((instance, context) -> reminders.remindEverywhere());
        }
    }
}
