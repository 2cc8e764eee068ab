package app.comptoir.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes completed event publications in batches: a listener's publication is deleted within
 * {@code comptoir.events.completion-batch-every} (50 ms) of its completion, one statement for all the publications
 * completed meanwhile, instead of a transaction of its own per publication (three round trips and a commit each: a
 * shop order's three publications cost six of its fifteen transactions). The statement runs outside any transaction
 * and commits without waiting for the disk: what a lost deletion costs is a listener run again after a crash, which
 * the listeners allow (delivery is at least once, every reaction ignores what it already did).
 *
 * <p>A deletion that fails (the database away for a moment) is tried again at the next round; at most
 * {@value #MAX_PENDING} ids wait, the others are left to the registry's resubmission. The application's stop deletes
 * what is still waiting.
 */
@Component
class BatchedCompletions {

    private static final Logger log = LoggerFactory.getLogger(BatchedCompletions.class);
    static final int MAX_PENDING = 100_000;
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final ConcurrentLinkedQueue<UUID> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("event-publication-completions").daemon().factory());

    BatchedCompletions(JdbcClient jdbc, @Value("${comptoir.events.completion-batch-every:50ms}") Duration every) {
        this.jdbc = jdbc;
        long millis = Math.max(1, every.toMillis());
        timer.scheduleWithFixedDelay(this::deleteQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The publication's listener completed: its row goes with the next batch. */
    void completed(UUID publication) {
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            log.warn("{} completed event publications wait for deletion: {} is left to the resubmission",
                    MAX_PENDING, publication);
            return;
        }
        pending.add(publication);
    }

    /** How many completed publications wait for their deletion. */
    int pending() {
        return size.get();
    }

    /** Deletes the completed publications waiting; returns how many rows went. */
    int deleteWaiting() {
        int deleted = 0;
        while (true) {
            List<UUID> batch = new ArrayList<>();
            for (UUID id = pending.poll(); id != null; id = batch.size() < BATCH ? pending.poll() : null) {
                batch.add(id);
                if (batch.size() == BATCH) {
                    break;
                }
            }
            if (batch.isEmpty()) {
                return deleted;
            }
            size.addAndGet(-batch.size());
            try {
                deleted += jdbc.sql("""
                                delete from event_publication
                                 where id = any(:ids) and (select set_config('synchronous_commit', 'off', true)) is not null""")
                        .param("ids", batch.toArray(UUID[]::new)).update();
            } catch (RuntimeException e) {
                batch.forEach(this::completed);
                throw e;
            }
        }
    }

    private void deleteQuietly() {
        try {
            deleteWaiting();
        } catch (RuntimeException e) {
            // The database may be away for a moment: the ids wait for the next round.
            log.warn("Cannot delete {} completed event publications yet: {}", size.get(), e.toString());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly();
    }
}
