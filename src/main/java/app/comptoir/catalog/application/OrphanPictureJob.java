package app.comptoir.catalog.application;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** The sweep of orphan picture files as a db-scheduler task: one node runs it, every 6 hours. */
@Configuration(proxyBeanMethods = false)
class OrphanPictureJob {

    static final String SWEEP = "catalog-orphan-pictures";

    @Bean
    RecurringTask<Void> orphanPictureSweep(OrphanPictures pictures) {
        return Tasks.recurring(SWEEP, Schedules.fixedDelay(Duration.ofHours(6)))
                .execute((instance, context) -> pictures.sweep());
    }
}
