package app.comptoir.platform.monitoring;

import java.util.List;

import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler's own figures per task ({@code dbscheduler_task_completions_total} by {@code result},
 * {@code dbscheduler_task_duration_seconds}, {@code dbscheduler_task_last_run_timestamp_seconds}). The starter's
 * auto-configuration that would register them waits for Spring Boot 3's metrics configuration, which Boot 4 moved,
 * so it never applies: without this bean the scheduler counts nothing.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerMetrics {

    @Bean
    StatsRegistry schedulerStatsRegistry(MeterRegistry registry, List<Task<?>> tasks) {
        return new MicrometerStatsRegistry(registry, tasks);
    }
}
