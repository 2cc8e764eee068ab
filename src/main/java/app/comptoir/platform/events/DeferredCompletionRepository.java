package app.comptoir.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.EventPublication.Status;

/**
 * The JPA publication repository of Spring Modulith, except for a completion known by its id: that one is handed to
 * {@link BatchedCompletions} (deleted within 50 ms, with the others). A completion known only by its event and
 * listener (a publication this node did not have in progress) is deleted at once, in a transaction of its own.
 */
final class DeferredCompletionRepository implements EventPublicationRepository {

    private final EventPublicationRepository jpa;
    private final BatchedCompletions completions;

    DeferredCompletionRepository(EventPublicationRepository jpa, BatchedCompletions completions) {
        this.jpa = jpa;
        this.completions = completions;
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        return jpa.create(publication);
    }

    @Override
    public void markProcessing(UUID identifier) {
        // not stored (DeferredCompletionRegistry)
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        jpa.markCompleted(event, identifier, completionDate);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        completions.completed(identifier);
    }

    @Override
    public void markFailed(UUID identifier) {
        jpa.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return jpa.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return jpa.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return jpa.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
            Object event, PublicationTargetIdentifier targetIdentifier) {
        return jpa.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return jpa.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        jpa.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        jpa.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        jpa.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return jpa.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return jpa.findByStatus(status);
    }

    @Override
    public int countByStatus(Status status) {
        return jpa.countByStatus(status);
    }
}
