package app.comptoir.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import app.comptoir.platform.ComptoirProperties;

/**
 * The daily backup ({@code comptoir.backup.schedule.enabled}), a db-scheduler task so that one node of any number
 * runs it, followed by the pruning of the older scheduled backups ({@link BackupRetention}). A failed backup is
 * logged at ERROR and counted in {@code comptoir.backups{outcome="failure"}}; {@code comptoir.backups.last.success}
 * is the time of the last good one (seconds since the epoch), for an alert on a backup that did not happen.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "comptoir.backup.schedule.enabled", havingValue = "true")
class ScheduledBackups {

    static final String TASK = "platform-backup";
    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    @Bean
    RecurringTask<Void> dailyBackup(ComptoirProperties properties, BackupProperties settings, Environment environment,
                                    @Value("${info.app.version:unknown}") String appVersion, Clock clock,
                                    MeterRegistry meters) {
        Backups backups = new Backups(properties, settings,
                environment.getProperty("comptoir.db.durable", Boolean.class, true), appVersion, clock);
        BackupRetention retention = new BackupRetention(settings.schedule().keepDaily(),
                settings.schedule().keepWeekly(), clock);
        Path directory = settings.directory().toAbsolutePath().normalize();
        Counter succeeded = Counter.builder("comptoir.backups").tag("outcome", "success")
                .description("Scheduled backups made").register(meters);
        Counter failed = Counter.builder("comptoir.backups").tag("outcome", "failure")
                .description("Scheduled backups made").register(meters);
        AtomicLong lastSuccess = new AtomicLong(lastBackup(directory).map(Instant::getEpochSecond).orElse(0L));
        Gauge.builder("comptoir.backups.last.success", lastSuccess, AtomicLong::doubleValue)
                .description("When the last scheduled backup was made (seconds since the epoch; 0: none)")
                .baseUnit("seconds").register(meters);
        return Tasks.recurring(TASK, Schedules.daily(settings.schedule().at()))
                .execute((instance, context) -> {
                    Instant at = clock.instant();
                    try {
                        Files.createDirectories(directory);
                        backups.create(directory.resolve(BackupRetention.name(at)));
                        succeeded.increment();
                        lastSuccess.set(at.getEpochSecond());
                    } catch (RuntimeException | IOException e) {
                        failed.increment();
                        log.error("The scheduled backup into {} FAILED: {}", directory, e.getMessage(), e);
                        return;
                    }
                    prune(directory, retention);
                });
    }

    /** Deletes the scheduled backups that the retention does not keep; a failure here is logged, not fatal. */
    static void prune(Path directory, BackupRetention retention) {
        List<Instant> made = scheduled(directory);
        for (Instant old : retention.toDelete(made)) {
            try {
                Backups.deleteRecursively(directory.resolve(BackupRetention.name(old)));
                log.info("Scheduled backup {} deleted (retention)", BackupRetention.name(old));
            } catch (UncheckedIOException e) {
                log.error("Cannot delete the old backup {}: {}", BackupRetention.name(old), e.getMessage());
            }
        }
    }

    private static Optional<Instant> lastBackup(Path directory) {
        return scheduled(directory).stream().max(Instant::compareTo);
    }

    private static List<Instant> scheduled(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> BackupRetention.instantOf(p.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
