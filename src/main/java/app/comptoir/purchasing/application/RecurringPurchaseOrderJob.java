package app.comptoir.purchasing.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Recurring purchase orders made on schedule, as db-scheduler tasks: an hourly run plans one execution per buying
 * business (claimed by one node, retried, revived after a crash), which makes the drafts due that day
 * ({@link RecurringPurchaseOrders#runDue}; a rerun makes nothing twice).
 */
@Configuration(proxyBeanMethods = false)
class RecurringPurchaseOrderJob {

    static final String HOURLY = "purchasing-recurring-orders";
    static final String ONE_BUSINESS = "purchasing-recurring-orders-business";

    @Bean
    OneTimeTask<Void> recurringPurchaseOrdersOfOneBusiness(RecurringPurchaseOrders recurring, Clock clock) {
        return Tasks.oneTime(ONE_BUSINESS)
                .execute((instance, context) -> recurring.runDue(UUID.fromString(instance.getId()), clock.instant()));
    }

    @Bean
    RecurringTask<Void> recurringPurchaseOrdersHourlyRun(OrderWatch watch,
                                                         OneTimeTask<Void> recurringPurchaseOrdersOfOneBusiness) {
        return Tasks.recurring(HOURLY, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> watch.planEveryBusiness(context.getSchedulerClient(),
                        recurringPurchaseOrdersOfOneBusiness, context.getExecution().executionTime));
    }
}
