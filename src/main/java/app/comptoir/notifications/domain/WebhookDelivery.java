package app.comptoir.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent (or to send) to one endpoint, as the delivery log shows it. {@code id} is the event id the
 * receiver sees in {@code Comptoir-Event-Id} and the payload's {@code id}.
 */
public record WebhookDelivery(UUID id, UUID endpointId, String eventType, String payload, Status status,
                              int attempts, Instant nextAttemptAt, Instant giveUpAt, Instant lastAttemptAt,
                              Integer responseCode, String responseExcerpt, String error, Instant createdAt,
                              Instant deliveredAt) {

    /** Where a delivery stands. */
    public enum Status {
        /** Waiting for its first attempt or for a retry. */
        PENDING,
        /** A 2xx answer was received. */
        DELIVERED,
        /** Every attempt of the 24 h window failed (or the endpoint is gone); a replay sends it again. */
        FAILED
    }
}
