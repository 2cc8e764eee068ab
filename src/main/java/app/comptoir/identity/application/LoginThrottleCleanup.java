package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.comptoir.identity.persistence.LoginThrottleStore;

/**
 * Deletes the login throttle's expired rows every ten minutes, as a db-scheduler task (so that among
 * any number of nodes one runs each execution). Without it a stream of one-off addresses would grow
 * the table for ever; an expired row is already ignored by the throttle, so a late run is harmless.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleCleanup {

    /** The task's name in {@code scheduled_tasks}. */
    static final String TASK = "identity-login-throttle-cleanup";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleCleanup.class);

    @Bean
    RecurringTask<Void> loginThrottleCleanupTask(LoginThrottleStore store, Clock clock) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    int deleted = store.deleteExpired(clock.instant());
                    if (deleted > 0) {
                        log.debug("Deleted {} expired login throttle rows", deleted);
                    }
                });
    }
}
