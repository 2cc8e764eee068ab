package app.comptoir.notifications.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.ColleagueInvited;
import app.comptoir.identity.PasswordResetRequested;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;

/**
 * The e-mails of identity's account events: the password-reset link ({@code /reset-password?token=…}) and the
 * invitation link ({@code /invitation?token=…}). Each is written once per token (the source key holds a digest
 * of the token, never the token), so a replayed event sends nothing twice and a new request sends a new mail.
 */
@Component
class AccountMails {

    /** The listeners' ids in the event publication registry (stable across renames). */
    static final String ON_PASSWORD_RESET = "notifications.mail-password-reset";
    static final String ON_INVITATION = "notifications.mail-invitation";

    private final Mails mails;
    private final SiteLinks links;
    private final Tenants tenants;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    AccountMails(Mails mails, SiteLinks links, Tenants tenants, Formats formats, TenantContext tenantContext,
                 PlatformTransactionManager txManager) {
        this.mails = mails;
        this.links = links;
        this.tenants = tenants;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_PASSWORD_RESET, propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordResetRequested event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            Locale locale = locale(event.locale());
            String business = tenants.current().name();
            MailContent content = new MailContent(mails.text(locale, "mail.password-reset.heading"),
                    List.of(greeting(locale, event.name()), mails.text(locale, "mail.password-reset.body", business)),
                    mails.text(locale, "mail.password-reset.action"),
                    links.absolute("/reset-password?token=" + encode(event.token())),
                    mails.text(locale, "mail.password-reset.note", formats.dateTime(event.expiresAt(), locale)));
            mails.queue(new Mails.MailRequest(event.tenantId(),
                    "password-reset:" + event.userId() + ":" + Mails.digest(event.token()), event.email(), locale,
                    "password-reset", mails.text(locale, "mail.password-reset.subject", business), content, null,
                    null, null));
        }));
    }

    @ApplicationModuleListener(id = ON_INVITATION, propagation = Propagation.NOT_SUPPORTED)
    void on(ColleagueInvited event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            Locale locale = locale(event.locale());
            String business = tenants.current().name();
            String invitedBy = event.invitedBy() == null || event.invitedBy().isBlank() ? business : event.invitedBy();
            String role = mails.textOr(locale, "role." + event.role(), event.role());
            MailContent content = new MailContent(mails.text(locale, "mail.invitation.heading", business),
                    List.of(mails.text(locale, "mail.greeting.anonymous"),
                            mails.text(locale, "mail.invitation.body", invitedBy, business, role)),
                    mails.text(locale, "mail.invitation.action"),
                    links.absolute("/invitation?token=" + encode(event.token())),
                    mails.text(locale, "mail.invitation.note", formats.dateTime(event.expiresAt(), locale)));
            mails.queue(new Mails.MailRequest(event.tenantId(),
                    "invitation:" + event.invitationId() + ":" + Mails.digest(event.token()), event.email(), locale,
                    "invitation", mails.text(locale, "mail.invitation.subject", invitedBy, business), content, null,
                    null, null));
        }));
    }

    private String greeting(Locale locale, String name) {
        return name == null || name.isBlank() ? mails.text(locale, "mail.greeting.anonymous")
                : mails.text(locale, "mail.greeting", name);
    }

    /** The business's language from the event (French when it carries none). */
    static Locale locale(String tag) {
        return tag == null || tag.isBlank() ? Locale.FRENCH : Locale.forLanguageTag(tag.replace('_', '-'));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
