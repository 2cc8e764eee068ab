package app.comptoir.inspections.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Deletes the documents kept for vehicles when their retention period ends: one recurring db-scheduler execution per
 * business that keeps documents (instance id: the business's id, claimed through the database by one node), planned
 * when its first document is uploaded, run at the business's next {@code delete_after} and at least once a day (so
 * an upload that raced with a run, or a retention shortened since, waits a day at most). Each run works for its
 * business only, under row-level security. With {@code comptoir.inspections.documents.background=false} nothing is
 * planned: tests call {@link VehicleDocuments#expire} with the instant they choose.
 */
@Component
public class DocumentExpiry {

    static final String TASK = "inspections-document-expiry";
    private static final Duration AT_LEAST_EVERY = Duration.ofDays(1);

    @Configuration(proxyBeanMethods = false)
    static class Task {

        // The documents are looked up when a task runs: the scheduler, which needs the tasks, is needed by the uploads.
        @Bean
        CustomTask<Void> inspectionDocumentExpiry(ObjectProvider<VehicleDocuments> documents, Clock clock) {
            return Tasks.custom(TASK, Void.class)
                    .onDeadExecutionRevive()
                    .onFailureReschedule(Schedules.fixedDelay(Duration.ofMinutes(15)))
                    .execute((instance, context) -> {
                        Instant now = clock.instant();
                        Instant latest = now.plus(AT_LEAST_EVERY);
                        Instant next = documents.getObject().expire(UUID.fromString(instance.getId()), now)
                                .filter(at -> at.isBefore(latest)).orElse(latest);
                        return (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(complete, next);
                    });
        }
    }

    private final SchedulerClient scheduler;
    private final DocumentSettings settings;

    DocumentExpiry(SchedulerClient scheduler, DocumentSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** Makes sure the business's expiry runs by {@code at} (in the caller's transaction). */
    public void plan(UUID tenant, Instant at) {
        if (!settings.background()) {
            return;
        }
        TaskInstance<Void> instance = new TaskInstance<>(TASK, tenant.toString());
        if (!scheduler.scheduleIfNotExists(instance, at)) {
            scheduler.getScheduledExecution(instance)
                    .filter(planned -> !planned.isPicked() && planned.getExecutionTime().isAfter(at))
                    .ifPresent(planned -> scheduler.reschedule(instance, at));
        }
    }
}
