package app.comptoir.payments.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.payments.persistence.PaymentStore;

/**
 * Every 15 minutes, the online payments still pending after their checkout expired are read back from their
 * provider ({@link OnlinePayments#sweep}): a webhook that never came still ends in SUCCEEDED or EXPIRED. As the
 * other jobs, the recurring run plans one execution per business (instance id: the business's id), claimed through
 * the database by one node.
 */
@Configuration(proxyBeanMethods = false)
class PendingPaymentsJob {

    static final String EVERY_QUARTER = "payments-pending-sweep";
    static final String ONE_BUSINESS = "payments-pending-sweep-business";
    private static final int PER_RUN = 100;

    @Bean
    OneTimeTask<Void> pendingPaymentsOfOneBusiness(OnlinePayments online, Clock clock) {
        return Tasks.oneTime(ONE_BUSINESS)
                .execute((instance, context) -> online.sweep(UUID.fromString(instance.getId()), clock.instant(),
                        PER_RUN));
    }

    @Bean
    RecurringTask<Void> pendingPaymentsSweep(PaymentStore store, OneTimeTask<Void> pendingPaymentsOfOneBusiness) {
        return Tasks.recurring(EVERY_QUARTER, Schedules.fixedDelay(Duration.ofMinutes(15)))
                .execute((instance, context) -> store.onlineTenants().forEach(tenant -> context.getSchedulerClient()
                        .scheduleIfNotExists(pendingPaymentsOfOneBusiness.instance(tenant.toString()),
                                context.getExecution().executionTime)));
    }
}
