package app.comptoir.notifications.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The sending of one e-mail as a db-scheduler task (table {@code scheduled_tasks}; instance id
 * {@code <business>/<mail>}): planned with the mail's row, claimed through the database by one node, revived on
 * another if its node dies. A failed attempt re-plans the same execution at the next delay of the retry
 * schedule; a sent, bounced or abandoned mail removes it.
 */
@Configuration(proxyBeanMethods = false)
class MailTask {

    /** The task's name in {@code scheduled_tasks}. */
    static final String NAME = "notifications-mail";

    @Bean
    CustomTask<Void> mailSending(Mails mails) {
        return Tasks.custom(NAME, Void.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    String[] ids = instance.getId().split("/", 2);
                    Optional<Instant> retry = mails.send(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
                    return retry.<CompletionHandler<Void>>map(at -> (complete, operations) ->
                            operations.reschedule(complete, at)).orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }
}
