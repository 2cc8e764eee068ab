package app.comptoir.channels.application;

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
 * Runs publication jobs in the background: one db-scheduler execution per job (instance {@code <business>:<job>}),
 * claimed through the database by one node, rescheduled at the time the job waits for (the cap, a pause, the check
 * after an unknown outcome). With {@code comptoir.channels.jobs.background=false} (the tests) nothing is planned and
 * jobs run when {@link PublicationJobs#runDue} is called.
 */
@Component
public class JobDispatch {

    static final String TASK = "channels-publication-job";

    @Configuration(proxyBeanMethods = false)
    static class Task {
        @Bean
        CustomTask<Void> channelPublicationTask(ObjectProvider<PublicationJobs> jobs) {
            return Tasks.custom(TASK, Void.class)
                    .onDeadExecutionRevive()
                    .onFailureReschedule(Schedules.fixedDelay(Duration.ofMinutes(5)))
                    .execute((instance, context) -> {
                        String[] ids = instance.getId().split(":", 2);
                        var outcome = jobs.getObject().run(UUID.fromString(ids[0]), UUID.fromString(ids[1]));
                        Instant next = outcome.map(PublicationJobs.Outcome::nextAt).orElse(null);
                        return next == null ? (complete, operations) -> operations.remove()
                                : (CompletionHandler<Void>) (complete, operations) -> operations.reschedule(complete, next);
                    });
        }
    }

    private final SchedulerClient scheduler;
    private final ChannelSettings settings;

    JobDispatch(SchedulerClient scheduler, ChannelSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** Plans the job's run at {@code at} (in the caller's transaction when there is one). */
    public void plan(UUID tenant, UUID job, Instant at) {
        if (settings.jobs().background()) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, tenant + ":" + job), at);
        }
    }
}
