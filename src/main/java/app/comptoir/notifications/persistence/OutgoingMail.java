package app.comptoir.notifications.persistence;

import java.util.UUID;

/**
 * A rendered e-mail as written to the log (and read back by the sender).
 *
 * @param sourceKey      the event and the recipient it tells, unique per business: a replay finds it
 * @param recipient      the address, or null when there is none (the mail is then UNSENDABLE)
 * @param attachmentName the attached file's name (null: none); several files are their names one a line, and the
 *                       attachment then a ZIP of them (see {@code notifications.application.MailAttachments})
 */
public record OutgoingMail(UUID id, UUID tenantId, String sourceKey, String recipient, String subject, String template,
                           String locale, String htmlBody, String textBody, String attachmentName, byte[] attachment) {
}
