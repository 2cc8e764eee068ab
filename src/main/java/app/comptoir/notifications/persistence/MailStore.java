package app.comptoir.notifications.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.notifications.domain.MailStatus;
import app.comptoir.platform.PageResponse;

/**
 * The {@code mails} table: the e-mail delivery log. Each change is one guarded statement on one row; the
 * sender of a mail is the single db-scheduler execution of that mail (claimed through the database), so two
 * nodes never update the same row at once.
 */
@Repository
public class MailStore {

    private static final String VIEW_COLUMNS = "id, recipient, subject, template, status, reason, attempts, "
            + "next_attempt_at, sent_at, created_at";

    private final JdbcClient jdbc;

    MailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the mail with {@code status} unless the business has one for the same source already (a replayed
     * event); returns whether it was written.
     */
    public boolean insert(OutgoingMail mail, MailStatus status, String reason, Instant now) {
        return jdbc.sql("""
                        insert into mails (id, tenant_id, source_key, recipient, subject, template, locale, html_body,
                                           text_body, attachment_name, attachment, status, reason, created_at, updated_at)
                        values (:id, :tenant, :source, :recipient, :subject, :template, :locale, :html, :text,
                                :attachmentName, :attachment, :status, :reason, :now, :now)
                        on conflict (tenant_id, source_key) do nothing""")
                .param("id", mail.id()).param("tenant", mail.tenantId()).param("source", mail.sourceKey())
                .param("recipient", mail.recipient()).param("subject", mail.subject()).param("template", mail.template())
                .param("locale", mail.locale()).param("html", mail.htmlBody()).param("text", mail.textBody())
                .param("attachmentName", mail.attachmentName()).param("attachment", mail.attachment())
                .param("status", status.name()).param("reason", reason).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** A mail still to be sent, and how many attempts it had. */
    public record Pending(OutgoingMail mail, int attempts) {
    }

    /** The mail with its bodies, if it is still to be sent (QUEUED or FAILED with an address). */
    public Optional<Pending> pending(UUID tenant, UUID id) {
        return jdbc.sql("""
                        select id, tenant_id, source_key, recipient, subject, template, locale, html_body, text_body,
                               attachment_name, attachment, attempts
                          from mails
                         where tenant_id = ? and id = ? and status in ('QUEUED', 'FAILED') and recipient is not null""")
                .params(tenant, id)
                .query((rs, n) -> new Pending(new OutgoingMail(rs.getObject("id", UUID.class),
                        rs.getObject("tenant_id", UUID.class), rs.getString("source_key"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("template"), rs.getString("locale"),
                        rs.getString("html_body"), rs.getString("text_body"), rs.getString("attachment_name"),
                        rs.getBytes("attachment")), rs.getInt("attempts")))
                .optional();
    }

    /** Accepted by the SMTP server: the bodies are dropped (their links may carry single-use tokens). */
    public void markSent(UUID tenant, UUID id, Instant now) {
        jdbc.sql("""
                        update mails set status = 'SENT', attempts = attempts + 1, reason = null, next_attempt_at = null,
                                         sent_at = :now, updated_at = :now, html_body = null, text_body = null,
                                         attachment = null
                         where tenant_id = :tenant and id = :id""")
                .param("tenant", tenant).param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** A failed attempt (FAILED) or a permanent refusal (BOUNCED), with its reason and the planned retry (or none). */
    public void markFailed(UUID tenant, UUID id, MailStatus status, String reason, Instant nextAttempt, Instant now) {
        jdbc.sql("""
                        update mails set status = :status, attempts = attempts + 1, reason = :reason,
                                         next_attempt_at = :next, updated_at = :now
                         where tenant_id = :tenant and id = :id""")
                .param("status", status.name()).param("reason", reason)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .param("now", Timestamp.from(now)).param("tenant", tenant).param("id", id).update();
    }

    /** Puts a failed or bounced mail back in the queue (an administrator's "send again"); false if it was not one. */
    public boolean requeue(UUID tenant, UUID id, Instant now) {
        return jdbc.sql("""
                        update mails set status = 'QUEUED', next_attempt_at = :now, updated_at = :now
                         where tenant_id = :tenant and id = :id and status in ('FAILED', 'BOUNCED')""")
                .param("now", Timestamp.from(now)).param("tenant", tenant).param("id", id).update() == 1;
    }

    /** One mail of the log. */
    public Optional<MailView> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from mails where tenant_id = ? and id = ?")
                .params(tenant, id).query(MailStore::view).optional();
    }

    /** A page of the log, newest first, of one status or all (null). */
    public PageResponse<MailView> page(UUID tenant, MailStatus status, int page, int size) {
        String where = " from mails where tenant_id = :tenant" + (status == null ? "" : " and status = :status");
        long total = jdbc.sql("select count(*)" + where).param("tenant", tenant)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
        List<MailView> items = jdbc.sql("select " + VIEW_COLUMNS + where
                        + " order by created_at desc, id desc limit :size offset :offset")
                .param("tenant", tenant).param("status", status == null ? null : status.name())
                .param("size", size).param("offset", (long) page * size)
                .query(MailStore::view).list();
        return new PageResponse<>(items, total, page, size);
    }

    private static MailView view(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp sent = rs.getTimestamp("sent_at");
        return new MailView(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("template"), MailStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getInt("attempts"), next == null ? null : next.toInstant(), sent == null ? null : sent.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
