package app.comptoir.notifications.application;

import java.time.Duration;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The sending of one web push delivery as a db-scheduler task (table {@code scheduled_tasks}), so that among
 * any number of nodes one sends it, after the commit that queued it, and a node that stops before sending
 * leaves it to the others or to its own restart. Instance id: {@code <business id>:<delivery id>} (the
 * business is set on the transaction before the row is read, for row-level security). An attempt that the
 * push service asks to retry reschedules the same execution at the time {@link PushSender} chose; an
 * unexpected error (the database unavailable) is retried in a minute.
 */
@Configuration(proxyBeanMethods = false)
class PushDeliveryJob {

    /** The task's name in {@code scheduled_tasks}. */
    static final String NAME = "notifications-push-delivery";

    static String instanceId(UUID tenantId, UUID deliveryId) {
        return tenantId + ":" + deliveryId;
    }

    @Bean
    CustomTask<Void> pushDelivery(PushSender sender) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    String[] ids = instance.getId().split(":", 2);
                    PushSender.Outcome outcome = sender.send(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
                    return outcome instanceof PushSender.Outcome.RetryAt retry
                            ? (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(complete, retry.at())
                            : new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
