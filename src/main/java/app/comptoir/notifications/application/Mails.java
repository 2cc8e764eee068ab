package app.comptoir.notifications.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.Tenants;
import app.comptoir.notifications.domain.MailRetries;
import app.comptoir.notifications.domain.MailStatus;
import app.comptoir.notifications.persistence.MailStore;
import app.comptoir.notifications.persistence.MailView;
import app.comptoir.notifications.persistence.OutgoingMail;
import app.comptoir.platform.BusinessMetrics;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The e-mails of a business and their delivery log. A mail is written (QUEUED) in the transaction of the act or
 * event it tells, together with its db-scheduler execution ({@link MailTask}), so both commit or neither does:
 * a crash after the commit loses nothing, and the execution runs once across nodes. The execution sends it
 * outside any transaction (no connection is held while the SMTP server answers), then records SENT, BOUNCED
 * (5xx for the recipient), or FAILED with the reason and the next attempt of the {@link MailRetries} schedule.
 * A mail is keyed by its source (event and recipient): a replayed event writes nothing and sends nothing twice.
 */
@Service
public class Mails {

    private static final Logger log = LoggerFactory.getLogger(Mails.class);
    private static final String ATTEMPTS = "comptoir.mails.attempts";
    private static final String ATTEMPTS_HELP = "Attempts at sending an e-mail to the SMTP server, by outcome (SENT, "
            + "FAILED: retried while the schedule allows, BOUNCED: refused for good)";

    private final MailStore store;
    private final MailTemplates templates;
    private final SmtpRelay relay;
    private final MailRetries retries;
    private final Tenants tenants;
    private final LegalIdentities legal;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final BusinessMetrics metrics;

    Mails(MailStore store, MailTemplates templates, SmtpRelay relay, MailSettings settings, Tenants tenants,
          LegalIdentities legal, TenantContext tenantContext, Permissions permissions, MessageSource messages,
          PlatformTransactionManager txManager, DataSource dataSource, Clock clock, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.templates = templates;
        this.relay = relay;
        this.retries = settings.retries();
        this.tenants = tenants;
        this.legal = legal;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.messages = messages;
        this.tx = new TransactionTemplate(txManager);
        // Through the transaction's own connection: the execution is planned with the mail's row, atomically.
        this.scheduler = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
        this.clock = clock;
    }

    /**
     * An e-mail to write, before its layout.
     *
     * @param sourceKey what it tells and to whom, unique per business (an event id and a recipient)
     * @param recipient the address; null or blank writes the mail as UNSENDABLE with {@code unsendableReason}
     * @param template  its kind, shown in the log ({@code password-reset}, {@code invitation}, {@code quote}, {@code notice})
     */
    record MailRequest(UUID tenantId, String sourceKey, String recipient, Locale locale, String template,
                       String subject, MailContent content, String attachmentName, byte[] attachment,
                       String unsendableReason) {
    }

    /**
     * Writes the mail and plans its sending, in the caller's transaction and for the current tenant; returns
     * false when the business has it already (a replayed event).
     */
    boolean queue(MailRequest request) {
        boolean sendable = request.recipient() != null && !request.recipient().isBlank();
        MailTemplates.Bodies bodies = templates.render(request.content(), tenants.current().name(),
                legal.current().hasLogo(), request.locale());
        UUID id = Ids.newId();
        OutgoingMail mail = new OutgoingMail(id, request.tenantId(), request.sourceKey(),
                sendable ? request.recipient().trim() : null, subject(request.subject()), request.template(),
                request.locale().toLanguageTag(), bodies.html(), bodies.text(), request.attachmentName(),
                request.attachment());
        Instant now = clock.instant();
        boolean written = sendable ? store.insert(mail, MailStatus.QUEUED, null, now)
                : store.insert(mail, MailStatus.UNSENDABLE, request.unsendableReason(), now);
        if (!written) {
            log.debug("Mail {} already written, not again", request.sourceKey());
            return false;
        }
        metrics.count("comptoir.mails.written", "E-mails written, by status (QUEUED: to send; UNSENDABLE: no address)",
                "status", (sendable ? MailStatus.QUEUED : MailStatus.UNSENDABLE).name());
        if (sendable) {
            scheduler.schedule(instance(request.tenantId(), id), now);
        } else {
            log.info("Mail {} ({}) not sendable: {}", id, request.template(), request.unsendableReason());
        }
        return true;
    }

    /**
     * One attempt at sending the mail (the db-scheduler execution); returns when to try again, if the attempt
     * failed and the schedule allows another. A mail already sent or bounced is left alone.
     */
    Optional<Instant> send(UUID tenant, UUID id) {
        return tenantContext.callAs(tenant, () -> {
            Optional<MailStore.Pending> pending = tx.execute(s -> store.pending(tenant, id));
            if (pending == null || pending.isEmpty()) {
                return Optional.<Instant>empty();
            }
            OutgoingMail mail = pending.get().mail();
            Optional<LegalIdentity.Logo> logo = mail.htmlBody() != null && mail.htmlBody().contains("cid:")
                    ? tx.execute(s -> legal.logo()) : Optional.empty();
            SmtpRelay.Outcome outcome = relay.send(mail, logo == null ? Optional.empty() : logo);
            Instant now = clock.instant();
            metrics.count(ATTEMPTS, ATTEMPTS_HELP, "outcome", switch (outcome) {
                case SmtpRelay.Outcome.Sent sent -> MailStatus.SENT.name();
                case SmtpRelay.Outcome.Bounced bounced -> MailStatus.BOUNCED.name();
                case SmtpRelay.Outcome.Failed failed -> MailStatus.FAILED.name();
            });
            return tx.execute(s -> switch (outcome) {
                case SmtpRelay.Outcome.Sent sent -> {
                    store.markSent(tenant, id, now);
                    log.info("Mail {} ({}) sent", id, mail.template());
                    yield Optional.<Instant>empty();
                }
                case SmtpRelay.Outcome.Bounced bounced -> {
                    store.markFailed(tenant, id, MailStatus.BOUNCED, bounced.reason(), null, now);
                    log.warn("Mail {} ({}) bounced: {}", id, mail.template(), bounced.reason());
                    yield Optional.<Instant>empty();
                }
                case SmtpRelay.Outcome.Failed failed -> {
                    Optional<Instant> next = retries.next(pending.get().attempts() + 1, now);
                    store.markFailed(tenant, id, MailStatus.FAILED, failed.reason(), next.orElse(null), now);
                    log.warn("Mail {} ({}) failed: {}; {}", id, mail.template(), failed.reason(),
                            next.map(n -> "next attempt at " + n).orElse("no more attempts"));
                    yield next;
                }
            });
        });
    }

    /** A page of the current business's delivery log, newest first, of one status or all (null). */
    public PageResponse<MailView> log(MailStatus status, int page, int size) {
        permissions.require(Permission.SETTINGS_MANAGE);
        UUID tenant = tenantContext.requireTenant();
        return tx.execute(s -> store.page(tenant, status, Math.max(0, page), Math.clamp(size, 1, 200)));
    }

    /** Sends a FAILED or BOUNCED mail again now (409 for any other). */
    public MailView resend(UUID id) {
        permissions.require(Permission.SETTINGS_MANAGE);
        UUID tenant = tenantContext.requireTenant();
        return tx.execute(s -> {
            MailView mail = store.find(tenant, id).orElseThrow(() -> new NotFoundException("Mail", id));
            Instant now = clock.instant();
            if (!store.requeue(tenant, id, now)) {
                throw new app.comptoir.platform.ConflictException("mail-not-resendable",
                        "Only a failed or bounced e-mail can be sent again; this one is " + mail.status());
            }
            TaskInstance<Void> instance = instance(tenant, id);
            if (!scheduler.scheduleIfNotExists(instance, now)) {
                scheduler.reschedule(instance, now);
            }
            return store.find(tenant, id).orElseThrow();
        });
    }

    /** Whether an SMTP server is configured (the log page warns when not). */
    public boolean smtpConfigured() {
        return relay.configured();
    }

    /** A text of the bundles in the recipient's language. */
    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A text of the bundles, or {@code fallback} when the bundles have no such key (e.g. a role added later). */
    String textOr(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** A source key part that names a secret (a token) without keeping it. */
    static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TaskInstance<Void> instance(UUID tenant, UUID mail) {
        return new TaskInstance<>(MailTask.NAME, tenant + "/" + mail);
    }

    private static String subject(String subject) {
        String line = subject.replaceAll("[\\p{Cntrl}]", " ").trim();
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }
}
