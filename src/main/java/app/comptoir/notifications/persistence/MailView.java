package app.comptoir.notifications.persistence;

import java.time.Instant;
import java.util.UUID;

import app.comptoir.notifications.domain.MailStatus;

/** One line of the e-mail delivery log, as the administrator reads it (no body: links may carry tokens). */
public record MailView(UUID id, String recipient, String subject, String template, MailStatus status, String reason,
                       int attempts, Instant nextAttemptAt, Instant sentAt, Instant createdAt) {

    /** Whether an administrator may send it again. */
    public boolean resendable() {
        return status.resendable();
    }
}
