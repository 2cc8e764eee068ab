package app.comptoir.identity.domain;

import java.time.Instant;
import java.util.UUID;

import app.comptoir.platform.Role;

/**
 * An administrator's invitation of a colleague to the business with one role, valid until {@code expiresAt}.
 * It is accepted once, and can be revoked or sent again (with a new link and a new validity) until then.
 */
public record Invitation(UUID id, UUID tenantId, String email, Role role, UUID invitedBy, String invitedByName,
                         Instant createdAt, Instant sentAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    /** Where an invitation stands at a given instant. */
    public enum Status { PENDING, EXPIRED, ACCEPTED, REVOKED }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }

    /** Whether it still waits for an answer (pending or expired, so it can be sent again or revoked). */
    public boolean open() {
        return acceptedAt == null && revokedAt == null;
    }
}
