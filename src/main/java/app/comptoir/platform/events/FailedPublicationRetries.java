package app.comptoir.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Gives every incomplete event publication (a listener that threw, a message the broker did not take) another try
 * while the application runs, not only at the next start: every {@code comptoir.events.retry-failed-every}, the
 * incomplete publications older than {@code comptoir.events.retry-failed-after} are resubmitted
 * ({@link IncompleteEventPublications#resubmitIncompletePublicationsOlderThan}). Each node does it; the registry
 * claims a publication before resubmitting it (status RESUBMITTED, one conditional update), so two nodes never
 * resubmit the same one at once. A listener still running after that age may run twice: listeners are idempotent
 * (delivery is at least once). The backlog shows in the {@code comptoir_event_publications_*} metrics. Its own
 * thread, so that no other periodic work can hold it up.
 */
@Component
class FailedPublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationRetries.class);

    private final IncompleteEventPublications publications;
    private final Duration every;
    private final Duration after;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("event-publication-retries").daemon().factory());

    FailedPublicationRetries(IncompleteEventPublications publications,
                             @Value("${comptoir.events.retry-failed-every:1m}") Duration every,
                             @Value("${comptoir.events.retry-failed-after:10m}") Duration after) {
        this.publications = publications;
        this.every = every;
        this.after = after;
    }

    /** Starts once the application is ready (the start itself resubmits what was left incomplete). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::retry, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void retry() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(after);
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next round tries again.
            log.warn("Cannot resubmit the incomplete event publications: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
