package app.comptoir.notifications.domain;

/** Where an e-mail stands: waiting, delivered to the SMTP server, failed (retried), refused for good, or impossible. */
public enum MailStatus {
    /** Written, not sent yet. */
    QUEUED,
    /** Accepted by the SMTP server. */
    SENT,
    /** The last attempt failed (SMTP unreachable, not configured, temporary refusal); retried while a retry is planned. */
    FAILED,
    /** The SMTP server refused the recipient permanently (a 5xx reply): retrying would not help. */
    BOUNCED,
    /** Nothing to send to (the customer has no e-mail address). */
    UNSENDABLE;

    /** Whether an administrator may send it again. */
    public boolean resendable() {
        return this == FAILED || this == BOUNCED;
    }
}
