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

import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.SupplierInvited;

/**
 * The e-mail of purchasing's supplier invitation: the link {@code /supplier-invitation/{token}} that lets a
 * shopkeeper's supplier register on Comptoir. Written once per token (the source key holds a digest of the token,
 * never the token), so a replayed event sends nothing twice.
 */
@Component
class SupplierInvitationMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_SUPPLIER_INVITED = "notifications.mail-supplier-invitation";

    private final Mails mails;
    private final SiteLinks links;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    SupplierInvitationMails(Mails mails, SiteLinks links, Formats formats, TenantContext tenantContext,
                            PlatformTransactionManager txManager) {
        this.mails = mails;
        this.links = links;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_SUPPLIER_INVITED, propagation = Propagation.NOT_SUPPORTED)
    void on(SupplierInvited event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            Locale locale = AccountMails.locale(event.locale());
            String business = event.businessName();
            MailContent content = new MailContent(mails.text(locale, "mail.supplier-invitation.heading", business),
                    List.of(mails.text(locale, "mail.supplier-invitation.greeting", event.supplierName()),
                            mails.text(locale, "mail.supplier-invitation.body", business)),
                    mails.text(locale, "mail.supplier-invitation.action"),
                    links.absolute("/supplier-invitation/" + URLEncoder.encode(event.token(), StandardCharsets.UTF_8)),
                    mails.text(locale, "mail.supplier-invitation.note", formats.dateTime(event.expiresAt(), locale)));
            mails.queue(new Mails.MailRequest(event.tenantId(),
                    "supplier-invitation:" + event.invitationId() + ":" + Mails.digest(event.token()), event.email(),
                    locale, "supplier-invitation", mails.text(locale, "mail.supplier-invitation.subject", business),
                    content, null, null, null));
        }));
    }
}
