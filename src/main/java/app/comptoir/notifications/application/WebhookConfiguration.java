package app.comptoir.notifications.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.comptoir.platform.OutboundTargets;

/**
 * The webhook targets' check ({@code comptoir.webhooks.allow-private-addresses}, off in production: only
 * public HTTPS receivers) and the delivery task of db-scheduler (table {@code scheduled_tasks}): one execution
 * per delivery, instance id {@code <business>:<delivery>}, planned in the transaction that stored the
 * delivery, so a restart between the event and its sending loses nothing, and claimed through the database
 * by one node. A failed attempt reschedules the same execution at the backoff's next time; an execution whose
 * node died is revived elsewhere, and an unexpected error retries it in 5 minutes.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** The db-scheduler task that sends one delivery. */
    static final String DELIVERY_TASK = "notifications-webhook-delivery";

    @Bean
    OutboundTargets webhookTargets(@Value("${comptoir.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        return OutboundTargets.resolvingWithDns("webhooks", allowPrivate);
    }

    @Bean
    CustomTask<Void> webhookDeliveryTask(WebhookAttempts attempts) {
        return Tasks.custom(DELIVERY_TASK, Void.class)
                .onDeadExecutionRevive()
                .onFailureReschedule(Schedules.fixedDelay(java.time.Duration.ofMinutes(5)))
                .execute((instance, context) -> {
                    String[] ids = instance.getId().split(":", 2);
                    var next = attempts.attempt(java.util.UUID.fromString(ids[0]), java.util.UUID.fromString(ids[1]));
                    return next.<com.github.kagkarlsson.scheduler.task.CompletionHandler<Void>>map(
                                    at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElse((complete, operations) -> operations.remove());
                });
    }
}
