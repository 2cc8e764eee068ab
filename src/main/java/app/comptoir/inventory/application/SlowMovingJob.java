package app.comptoir.inventory.application;

import java.time.LocalTime;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The daily slow-moving check as db-scheduler tasks (table {@code scheduled_tasks}), so that among any
 * number of nodes one runs each execution: a recurring task at a fixed hour of the server's time zone
 * ({@code comptoir.inventory.slow-moving.at}, 03:00 by default) that plans one execution per business,
 * and the one-time task that checks one business (instance id: the business's id). A failed business is
 * retried by db-scheduler (in 5 minutes), and one whose node died is revived on another node.
 */
@Configuration(proxyBeanMethods = false)
class SlowMovingJob {

    /** The daily run that plans every business's check. */
    static final String DAILY = "inventory-slow-moving";

    /** The check of one business. */
    static final String ONE_BUSINESS = "inventory-slow-moving-business";

    @Bean
    OneTimeTask<Void> slowMovingCheckOfOneBusiness(SlowMovingDetection detection) {
        return Tasks.oneTime(ONE_BUSINESS)
                .execute((instance, context) -> detection.detect(UUID.fromString(instance.getId())));
    }

    @Bean
    RecurringTask<Void> slowMovingDailyRun(SlowMovingDetection detection, OneTimeTask<Void> slowMovingCheckOfOneBusiness,
                                           @Value("${comptoir.inventory.slow-moving.at:03:00}") LocalTime at) {
        return Tasks.recurring(DAILY, Schedules.daily(at))
                .execute((instance, context) -> detection.planEveryBusiness(context.getSchedulerClient(),
                        slowMovingCheckOfOneBusiness, context.getExecution().executionTime));
    }
}
