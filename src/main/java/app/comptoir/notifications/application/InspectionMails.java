package app.comptoir.notifications.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inspections.InspectionCompleted;
import app.comptoir.inspections.InspectionDocuments;
import app.comptoir.inspections.InspectionDue;
import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;

/**
 * A completed inspection e-mails its report (and its certificate when favourable) to the vehicle's owner, in the
 * business's language, with the outcome, its date and the link of the public verification page. A vehicle without
 * an e-mail address gets a log line UNSENDABLE with the reason, for the centre to see; so does every inspection of a
 * demo business (invented addresses; no PDF is printed for nothing). Once per inspection: the mail is keyed by it.
 */
@Component
class InspectionMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_COMPLETED = "notifications.mail-inspection-completed";
    /** The listener's id of the reminders before a due date. */
    static final String ON_DUE = "notifications.mail-inspection-due";

    private final Mails mails;
    private final InspectionDocuments documents;
    private final Tenants tenants;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final SiteLinks links;

    InspectionMails(Mails mails, InspectionDocuments documents, Tenants tenants, Formats formats,
                    TenantContext tenantContext, PlatformTransactionManager txManager, SiteLinks links) {
        this.links = links;
        this.mails = mails;
        this.documents = documents;
        this.tenants = tenants;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_COMPLETED, propagation = Propagation.NOT_SUPPORTED)
    void on(InspectionCompleted event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            String sourceKey = "inspection-completed:" + event.inspectionId();
            documents.ownerMail(event.inspectionId(), !business.demo()).ifPresent(mail -> {
                Locale locale = mail.locale();
                String subject = mails.text(locale, "inspections.mail.subject", mail.reportNumber(), mail.plate(),
                        business.name());
                String heading = mails.text(locale, "inspections.mail.heading", mail.plate());
                if (business.demo()) {
                    mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, null, locale, "inspection", subject,
                            new MailContent(heading, List.of(), null, null, null), null, null,
                            mails.text(locale, "inspections.mail.demo")));
                    return;
                }
                List<String> paragraphs = new ArrayList<>();
                paragraphs.add(mail.ownerName() == null || mail.ownerName().isBlank()
                        ? mails.text(locale, "mail.greeting.anonymous") : mails.text(locale, "mail.greeting", mail.ownerName()));
                paragraphs.add(mails.text(locale, "inspections.mail.outcome." + mail.outcome(), mail.reportNumber(),
                        mail.validUntil() == null ? "" : formats.day(mail.validUntil(), locale),
                        mail.counterVisitBefore() == null ? "" : formats.day(mail.counterVisitBefore(), locale)));
                paragraphs.add(mails.text(locale, mail.attachments().size() > 1 ? "inspections.mail.attachedBoth"
                        : "inspections.mail.attachedReport"));
                paragraphs.add(mails.text(locale, "inspections.mail.space",
                        links.absolute("/shop/" + business.slug() + "/account/inspections")));
                MailContent content = new MailContent(heading, paragraphs, mails.text(locale, "inspections.mail.action"),
                        mail.verificationUrl(), mails.text(locale, "inspections.mail.note"));
                MailAttachments.Packed packed = MailAttachments.pack(mail.attachments().stream()
                        .map(a -> new MailAttachments.File(a.fileName(), a.pdf())).toList());
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, mail.ownerEmail(), locale, "inspection",
                        subject, content, packed.name(), packed.bytes(), mails.text(locale, "inspections.mail.noEmail")));
            });
        }));
    }

    /**
     * The reminder before a vehicle's due date (a month before by default), with the centre's booking page; once per
     * vehicle and due date (the mail is keyed by both). A demo business's reminders are logged, not sent.
     */
    @ApplicationModuleListener(id = ON_DUE, propagation = Propagation.NOT_SUPPORTED)
    void on(InspectionDue event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = Locale.forLanguageTag(business.locale());
            String sourceKey = "inspection-due:" + event.vehicleId() + ":" + event.dueOn();
            String kind = event.counterVisit() ? "counterVisit" : "periodic";
            String day = formats.day(event.dueOn(), locale);
            String subject = mails.text(locale, "inspections.mail.due.subject." + kind, event.plate(), day,
                    business.name());
            String heading = mails.text(locale, "inspections.mail.due.heading", event.plate());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(event.ownerName() == null || event.ownerName().isBlank()
                    ? mails.text(locale, "mail.greeting.anonymous") : mails.text(locale, "mail.greeting", event.ownerName()));
            paragraphs.add(mails.text(locale, "inspections.mail.due." + kind, event.plate(), day, business.name()));
            MailContent content = new MailContent(heading, paragraphs, mails.text(locale, "inspections.mail.due.action"),
                    links.absolute("/book/" + business.slug()), null);
            mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, business.demo() ? null : event.ownerEmail(),
                    locale, "inspection-due", subject, content, null, null,
                    business.demo() ? mails.text(locale, "inspections.mail.demo") : null));
        }));
    }
}
