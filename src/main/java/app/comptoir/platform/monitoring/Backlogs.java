package app.comptoir.platform.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work waiting in the database, which the whole cluster shares (every node reports the same
 * figures; alert on their maximum):
 * <ul>
 *   <li>{@code comptoir_scheduler_due_executions} and {@code comptoir_scheduler_lag_seconds}: db-scheduler
 *       executions whose time has come and that no node has picked yet, and how late the oldest of them is
 *       (the nodes poll every 10 s: a lag that keeps growing means no node runs jobs, or too few);</li>
 *   <li>{@code comptoir_scheduler_failing_executions}: executions whose last attempt failed (retried);</li>
 *   <li>{@code comptoir_event_publications_incomplete}, {@code ..._failed} and
 *       {@code comptoir_event_publications_oldest_incomplete_age_seconds}: event publications whose listener has
 *       not completed (completed ones are deleted, see application.yml), those marked failed, and the age of the
 *       oldest. Incomplete ones are resubmitted at the next start, failed ones also while running
 *       ({@code platform.events.FailedPublicationRetries}).</li>
 * </ul>
 * The figures are read with two small queries when the metrics are scraped, at most once per {@link #MAX_AGE}
 * whatever the number of scrapes, and never on a request's path. A failed reading (database down) leaves the
 * gauges empty (NaN) rather than stale.
 */
@Component
class Backlogs {

    private static final Logger log = LoggerFactory.getLogger(Backlogs.class);

    /** How old a reading may be before a scrape reads the tables again. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    /** One reading of both tables; NaN where it failed. */
    record Reading(Instant at, double dueExecutions, double lagSeconds, double failingExecutions,
                   double incompletePublications, double failedPublications, double oldestPublicationSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Reading last;

    Backlogs(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        gauge(registry, "comptoir.scheduler.due.executions",
                "Scheduled executions (db-scheduler) due and not picked by any node yet", Reading::dueExecutions);
        gauge(registry, "comptoir.scheduler.lag.seconds",
                "How late the oldest due and unpicked scheduled execution is (0 when none)", Reading::lagSeconds);
        gauge(registry, "comptoir.scheduler.failing.executions",
                "Scheduled executions whose last attempt failed", Reading::failingExecutions);
        gauge(registry, "comptoir.event.publications.incomplete",
                "Event publications whose listener has not completed", Reading::incompletePublications);
        gauge(registry, "comptoir.event.publications.failed",
                "Event publications marked failed by the registry", Reading::failedPublications);
        gauge(registry, "comptoir.event.publications.oldest.incomplete.age.seconds",
                "Age of the oldest incomplete event publication (0 when none)", Reading::oldestPublicationSeconds);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Reading> figure) {
        Gauge.builder(name, this, b -> figure.applyAsDouble(b.reading())).description(description).register(registry);
    }

    /** The latest reading, read again when it is older than {@link #MAX_AGE}. */
    Reading reading() {
        Instant now = clock.instant();
        Reading current = last;
        if (current != null && current.at().plus(MAX_AGE).isAfter(now)) {
            return current;
        }
        synchronized (this) {
            if (last == current) {
                last = read(now);
            }
            return last;
        }
    }

    private Reading read(Instant now) {
        double due = Double.NaN;
        double lag = Double.NaN;
        double failing = Double.NaN;
        double incomplete = Double.NaN;
        double failed = Double.NaN;
        double oldest = Double.NaN;
        try {
            // The database's clock on both sides: a node's clock drift does not show as lag.
            double[] scheduler = jdbc.queryForObject("""
                    select count(*) filter (where not picked and execution_time <= now()),
                           coalesce(extract(epoch from now() - min(execution_time)
                                    filter (where not picked and execution_time <= now())), 0),
                           count(*) filter (where consecutive_failures > 0)
                      from scheduled_tasks""",
                    (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
            due = scheduler[0];
            lag = scheduler[1];
            failing = scheduler[2];
            double[] publications = jdbc.queryForObject("""
                    select count(*), count(*) filter (where status = 'FAILED'),
                           coalesce(extract(epoch from now() - min(publication_date)), 0)
                      from event_publication
                     where completion_date is null""",
                    (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
            incomplete = publications[0];
            failed = publications[1];
            oldest = publications[2];
        } catch (RuntimeException e) {
            log.debug("Cannot read the backlogs for the metrics", e);
        }
        return new Reading(now, due, lag, failing, incomplete, failed, oldest);
    }
}
