package app.comptoir.platform.events;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Modulith's event publication registry without the two transactions it opens around every listener's own
 * (installed in its place by {@link EventRegistryConfiguration}):
 * <ul>
 *   <li>no "processing" mark before the listener runs (a transaction and an update per publication): nothing here
 *       reads it, the resubmission of {@link FailedPublicationRetries} takes every incomplete publication;</li>
 *   <li>the completion (with {@code completion-mode: delete}, the row's deletion) handed to
 *       {@link BatchedCompletions} instead of a transaction of its own.</li>
 * </ul>
 * Storing a publication (in the publisher's transaction), a listener's failure, the resubmission and the lookups are
 * the registry's own. A shop order's fifteen transactions become nine.
 */
class DeferredCompletionRegistry extends DefaultEventPublicationRegistry {

    DeferredCompletionRegistry(EventPublicationRepository repository, ObjectProvider<Clock> clock,
                               BatchedCompletions completions) {
        super(new DeferredCompletionRepository(repository, completions), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Not stored: see the class comment. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
        // nothing: the publication stays PUBLISHED until it is completed or fails
    }

    /** Outside a transaction of its own: the deletion waits for the next batch ({@link BatchedCompletions}). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void markCompleted(Object event, PublicationTargetIdentifier targetIdentifier) {
        super.markCompleted(event, targetIdentifier);
    }
}
