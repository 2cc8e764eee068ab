package app.comptoir.notifications.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.AppointmentBooked;
import app.comptoir.bookings.AppointmentDocuments;
import app.comptoir.bookings.AppointmentReminderDue;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.TenantContext;

/**
 * The customer's e-mails about their appointment, in the language they booked in: the confirmation when it is
 * booked (with its calendar file and the link to see, move or cancel it) and the reminder the day before (with a
 * link of its own). A customer without an e-mail address gets a log line UNSENDABLE with the reason, for the office
 * to see; so does every appointment of a demo business (invented addresses). Once per appointment and event: the
 * mail is keyed by its source.
 */
@Component
class AppointmentMails {

    /** The listeners' ids in the event publication registry (stable across renames). */
    static final String ON_BOOKED = "notifications.mail-appointment-booked";
    static final String ON_REMINDER = "notifications.mail-appointment-reminder";

    private final Mails mails;
    private final AppointmentDocuments documents;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final SiteLinks links;
    private final MoneyFormat money;
    private final TransactionTemplate tx;

    AppointmentMails(Mails mails, AppointmentDocuments documents, Tenants tenants, TenantContext tenantContext,
                     SiteLinks links, MoneyFormat money, PlatformTransactionManager txManager) {
        this.mails = mails;
        this.documents = documents;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.links = links;
        this.money = money;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_BOOKED, propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentBooked event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = AccountMails.locale(event.locale());
            ZoneId zone = ZoneId.of(event.zone());
            String subject = mails.text(locale, "bookings.mail.booked.subject", day(event.startsAt(), zone, locale),
                    business.name());
            String sourceKey = "appointment-booked:" + event.appointmentId();
            if (business.demo()) {
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, null, locale, "appointment", subject,
                        new MailContent(mails.text(locale, "bookings.mail.booked.heading"), List.of(), null, null, null),
                        null, null, mails.text(locale, "bookings.mail.demo")));
                return;
            }
            String link = links.absolute("/book/" + business.slug() + "/manage/" + event.manageToken());
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(mails.text(locale, "mail.greeting", event.customerName()));
            paragraphs.add(when(locale, "bookings.mail.booked.when", event.serviceName(), event.startsAt(),
                    event.endsAt(), zone));
            String price = event.price() == null || event.price().signum() == 0 ? ""
                    : mails.text(locale, event.paidOnline() ? "bookings.mail.booked.paidOnline"
                    : "bookings.mail.booked.payOnSite", money.format(event.price(), event.currency(), locale));
            paragraphs.add(mails.text(locale, "bookings.mail.booked.reference", event.reference(), price).strip());
            MailContent content = new MailContent(mails.text(locale, "bookings.mail.booked.heading"), paragraphs,
                    mails.text(locale, "bookings.mail.booked.action"), link,
                    mails.text(locale, "bookings.mail.booked.note"));
            AppointmentDocuments.CalendarDocument ics = documents.calendarFile(event.appointmentId(), link).orElse(null);
            mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, event.customerEmail(), locale,
                    "appointment", subject, content, ics == null ? null : ics.fileName(), ics == null ? null : ics.ics(),
                    mails.text(locale, "bookings.mail.noEmail")));
        }));
    }

    @ApplicationModuleListener(id = ON_REMINDER, propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentReminderDue event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = AccountMails.locale(event.locale());
            ZoneId zone = ZoneId.of(event.zone());
            String subject = mails.text(locale, "bookings.mail.reminder.subject", time(event.startsAt(), zone),
                    business.name());
            String sourceKey = "appointment-reminder:" + event.appointmentId() + ":" + event.startsAt();
            String heading = mails.text(locale, "bookings.mail.reminder.heading");
            if (business.demo()) {
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, null, locale, "appointment-reminder",
                        subject, new MailContent(heading, List.of(), null, null, null), null, null,
                        mails.text(locale, "bookings.mail.demo")));
                return;
            }
            String link = links.absolute("/book/" + business.slug() + "/manage/" + event.manageToken());
            MailContent content = new MailContent(heading, List.of(
                    mails.text(locale, "mail.greeting", event.customerName()),
                    when(locale, "bookings.mail.reminder.when", event.serviceName(), event.startsAt(), event.endsAt(),
                            zone),
                    mails.text(locale, "bookings.mail.reminder.body")),
                    mails.text(locale, "bookings.mail.reminder.action"), link, event.reference());
            mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, event.customerEmail(), locale,
                    "appointment-reminder", subject, content, null, null, mails.text(locale, "bookings.mail.noEmail")));
        }));
    }

    private String when(Locale locale, String key, String service, Instant start, Instant end, ZoneId zone) {
        return mails.text(locale, key, service, day(start, zone, locale), time(start, zone), time(end, zone));
    }

    private static String day(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(at.atZone(zone));
    }

    private static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }
}
