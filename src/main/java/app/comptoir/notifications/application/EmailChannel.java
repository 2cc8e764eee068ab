package app.comptoir.notifications.application;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import app.comptoir.platform.TenantContext;

/**
 * The e-mail channel of the notices users chose to receive by e-mail: the title as subject, the body, and a
 * button to the record in the back office. Only queues, in the caller's transaction (which must run for the
 * notice's business: row-level security); {@link MailTask} sends after the commit. A notice already taken (same
 * id: a replayed event) is ignored. A recipient without an address is logged UNSENDABLE.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final Mails mails;
    private final SiteLinks links;
    private final TenantContext tenantContext;

    EmailChannel(Mails mails, SiteLinks links, TenantContext tenantContext) {
        this.mails = mails;
        this.links = links;
        this.tenantContext = tenantContext;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(Notice notice) {
        Locale locale = notice.locale() == null ? Locale.FRENCH : notice.locale();
        String url = links.absolute(notice.link());
        MailContent content = new MailContent(notice.title(),
                notice.body() == null || notice.body().isBlank() ? List.of() : List.of(notice.body()),
                url == null ? null : mails.text(locale, "mail.notice.action"), url,
                mails.text(locale, "mail.notice.note"));
        tenantContext.runAs(notice.tenantId(), () -> mails.queue(new Mails.MailRequest(notice.tenantId(),
                "notice:" + notice.id(), notice.email(), locale, "notice", notice.title(), content, null, null,
                mails.text(locale, "mail.notice.noEmail"))));
    }
}
