package app.comptoir.platform.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.Ids;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Runs the jobs on a bounded pool: two at a time per node (the machine has two cores and the requests
 * come first), twenty waiting at most, beyond which a new job is refused with 429. Each job runs for the
 * tenant and with the security context of the user who started it, so the services check that user's
 * permissions as they would in the request. Progress is written when its percentage moves. Export files are
 * kept under the data directory ({@code jobs/<tenant>/<job>}), where every node sharing it finds them.
 *
 * <p>Metrics (per node): {@code comptoir_jobs_queued} and {@code comptoir_jobs_running}, the pool's queue and
 * busy threads; {@code comptoir_jobs_seconds} (count, sum, histogram) by {@code kind} and {@code outcome}
 * ({@code SUCCEEDED}, {@code FAILED}, {@code REFUSED} when the queue was full).
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** What a job's work gave: a JSON result or a file. */
    public record Outcome(JsonNode result, Jobs.File file) {
    }

    /** The work of one job. */
    @FunctionalInterface
    public interface Work {
        Outcome run(JobProgress progress) throws Exception;
    }

    private final JobStore store;
    private final TenantContext tenantContext;
    private final Path root;
    private final ThreadPoolExecutor pool;
    private final MeterRegistry registry;

    JobRunner(JobStore store, TenantContext tenantContext, ComptoirProperties properties, MeterRegistry registry) {
        this.registry = registry;
        this.store = store;
        this.tenantContext = tenantContext;
        this.root = properties.dataDir().resolve("jobs").toAbsolutePath().normalize();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(20),
                r -> Thread.ofPlatform().name("job-" + threads.incrementAndGet()).daemon().unstarted(r));
        this.pool.allowCoreThreadTimeOut(true);
        Gauge.builder("comptoir.jobs.queued", pool, p -> p.getQueue().size())
                .description("Background jobs (imports, exports) waiting for a thread on this node").register(registry);
        Gauge.builder("comptoir.jobs.running", pool, ThreadPoolExecutor::getActiveCount)
                .description("Background jobs (imports, exports) running on this node").register(registry);
    }

    private void timed(String kind, String outcome, long startedNanos) {
        Timer.builder("comptoir.jobs").description("Background jobs (imports, exports) finished, by kind and outcome, "
                        + "from their submission (waiting included)")
                .tags("kind", kind, "outcome", outcome).publishPercentileHistogram()
                .register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** Records the job and queues its work; 429 when the queue is full. */
    public UUID submit(String kind, Work work) {
        UUID tenant = tenantContext.requireTenant();
        UUID user = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        // A copy: the request's own context is cleared when the request ends.
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        UUID id = Ids.newId();
        store.create(id, kind, user);
        long submitted = System.nanoTime();
        try {
            pool.execute(() -> run(id, kind, submitted, tenant, security, work));
        } catch (RejectedExecutionException e) {
            timed(kind, "REFUSED", submitted);
            tenantContext.runAs(tenant, () -> store.fail(id, "Too many jobs are waiting; try again in a minute."));
            throw new TooManyRequestsException("Too many imports and exports are waiting; try again in a minute.",
                    Duration.ofMinutes(1));
        }
        return id;
    }

    /** The file of a succeeded export job. */
    public Optional<byte[]> file(JobView job) {
        Path file = root.resolve(tenantContext.requireTenant().toString()).resolve(job.id().toString());
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void run(UUID id, String kind, long submitted, UUID tenant, SecurityContext security, Work work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            tenantContext.runAs(tenant, () -> {
                Progress progress = new Progress(id);
                store.progress(id, 0, null);
                try {
                    Outcome outcome = work.run(progress);
                    String fileName = null;
                    if (outcome.file() != null) {
                        keep(tenant, id, outcome.file().bytes());
                        fileName = outcome.file().name();
                    }
                    int total = progress.total == null ? progress.done : progress.total;
                    store.succeed(id, total, total, outcome.result() == null ? null : outcome.result().toString(),
                            fileName);
                    timed(kind, "SUCCEEDED", submitted);
                } catch (Exception e) {
                    log.warn("Job {} failed", id, e);
                    timed(kind, "FAILED", submitted);
                    // A refusal the user can act on says so; anything else is not theirs to read.
                    store.fail(id, e instanceof ComptoirException || e instanceof IllegalArgumentException
                            || e instanceof org.springframework.security.access.AccessDeniedException
                            ? e.getMessage() : "The job stopped on an unexpected error; see the server log.");
                }
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void keep(UUID tenant, UUID id, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(tenant.toString()));
            Files.write(dir.resolve(id.toString()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the file of job " + id, e);
        }
    }

    /**
     * Progress reports of one job, written when the whole percentage moves (at most a hundred writes
     * for a job, however many steps it counts) and whenever the total changes.
     */
    private final class Progress implements JobProgress {

        private final UUID id;
        private volatile Integer total;
        private volatile int done;
        private int writtenPercent = -1;

        Progress(UUID id) {
            this.id = id;
        }

        @Override
        public void total(int total) {
            this.total = total;
            write(true);
        }

        @Override
        public void done(int done) {
            this.done = total == null ? done : Math.min(done, total);
            write(false);
        }

        private synchronized void write(boolean always) {
            Integer of = total;
            int percent = of == null || of == 0 ? 0 : (int) (100L * done / of);
            if (always || percent != writtenPercent) {
                writtenPercent = percent;
                store.progress(id, done, of);
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
