package app.comptoir.purchasing.application;

import java.time.Duration;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The hourly watch of purchase orders ({@link OrderWatch}: late deliveries, unconfirmed reminders) as
 * db-scheduler tasks, like inventory's slow-moving check: the recurring run plans one execution per buying
 * business (instance id: the business's id), claimed through the database by one node, retried and revived
 * by db-scheduler.
 */
@Configuration(proxyBeanMethods = false)
class OrderWatchJob {

    static final String HOURLY = "purchasing-order-watch";
    static final String ONE_BUSINESS = "purchasing-order-watch-business";

    @Bean
    OneTimeTask<Void> purchaseOrderWatchOfOneBusiness(OrderWatch watch) {
        return Tasks.oneTime(ONE_BUSINESS)
                .execute((instance, context) -> watch.watch(UUID.fromString(instance.getId())));
    }

    @Bean
    RecurringTask<Void> purchaseOrderWatchHourlyRun(OrderWatch watch, OneTimeTask<Void> purchaseOrderWatchOfOneBusiness) {
        return Tasks.recurring(HOURLY, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> watch.planEveryBusiness(context.getSchedulerClient(),
                        purchaseOrderWatchOfOneBusiness, context.getExecution().executionTime));
    }
}
