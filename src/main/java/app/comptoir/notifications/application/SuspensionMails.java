package app.comptoir.notifications.application;

import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.BusinessSuspensionChanged;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;

/**
 * The e-mail to a business's administrators when the deployment's operator suspends or reopens it: what happened,
 * when, and the operator's reason, in the business's language. One mail per administrator and journal entry (the
 * source key holds both), so a replayed event sends nothing twice.
 */
@Component
class SuspensionMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_SUSPENSION = "notifications.mail-business-suspension";

    private final Mails mails;
    private final SiteLinks links;
    private final Tenants tenants;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    SuspensionMails(Mails mails, SiteLinks links, Tenants tenants, Formats formats, TenantContext tenantContext,
                    PlatformTransactionManager txManager) {
        this.mails = mails;
        this.links = links;
        this.tenants = tenants;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_SUSPENSION, propagation = Propagation.NOT_SUPPORTED)
    void on(BusinessSuspensionChanged event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            Locale locale = AccountMails.locale(tenants.current().locale());
            String business = tenants.current().name();
            String kind = event.suspended() ? "suspended" : "resumed";
            MailContent content = new MailContent(mails.text(locale, "mail.business-" + kind + ".heading", business),
                    List.of(mails.text(locale, "mail.greeting.anonymous"),
                            mails.text(locale, "mail.business-" + kind + ".body", business,
                                    formats.dateTime(event.at(), locale)),
                            mails.text(locale, "mail.business-suspension.reason", event.reason())),
                    event.suspended() ? null : mails.text(locale, "mail.business-resumed.action"),
                    event.suspended() ? null : links.absolute("/login"),
                    mails.text(locale, "mail.business-suspension.note"));
            for (String administrator : event.administrators()) {
                mails.queue(new Mails.MailRequest(event.tenantId(),
                        "business-" + kind + ":" + event.actionId() + ":" + Mails.digest(administrator), administrator, locale,
                        "business-" + kind, mails.text(locale, "mail.business-" + kind + ".subject", business),
                        content, null, null, null));
            }
        }));
    }
}
