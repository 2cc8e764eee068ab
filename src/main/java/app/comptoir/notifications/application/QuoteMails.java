package app.comptoir.notifications.application;

import java.util.List;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.QuoteDocuments;
import app.comptoir.sales.QuoteSent;

/**
 * "Send" on a quote e-mails its PDF to the customer, in the business's language. A customer without an e-mail
 * address gets a log line UNSENDABLE with the reason, for the office to see; so does every quote of a demo business.
 * Once per sending of the quote.
 */
@Component
class QuoteMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_QUOTE_SENT = "notifications.mail-quote";

    private final Mails mails;
    private final QuoteDocuments quotes;
    private final Tenants tenants;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    QuoteMails(Mails mails, QuoteDocuments quotes, Tenants tenants, Formats formats, TenantContext tenantContext,
               PlatformTransactionManager txManager) {
        this.mails = mails;
        this.quotes = quotes;
        this.tenants = tenants;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_QUOTE_SENT, propagation = Propagation.NOT_SUPPORTED)
    void on(QuoteSent event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = AccountMails.locale(business.locale());
            if (business.demo()) {
                // The demo's customers have invented addresses, and its seeding sends quotes by the dozen: none
                // leaves, and no PDF is printed for nothing (the log says why).
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey(event), null, locale, "quote",
                        mails.text(locale, "mail.quote.subject", event.number(), business.name()),
                        new MailContent(mails.text(locale, "mail.quote.heading", event.number()), List.of(), null, null,
                                null), null, null, mails.text(locale, "mail.quote.demo")));
                return;
            }
            QuoteDocuments.QuoteDocument quote = quotes.quote(event.quoteId());
            MailContent content = new MailContent(mails.text(locale, "mail.quote.heading", quote.number()),
                    List.of(mails.text(locale, "mail.greeting", quote.customerName()),
                            mails.text(locale, "mail.quote.body", quote.number(), formats.day(event.validUntil(), locale)),
                            mails.text(locale, "mail.quote.closing")),
                    null, null, null);
            mails.queue(new Mails.MailRequest(event.tenantId(),
                    sourceKey(event), quote.customerEmail(), locale,
                    "quote", mails.text(locale, "mail.quote.subject", quote.number(), business.name()), content,
                    quote.fileName(), quote.pdf(), mails.text(locale, "mail.quote.noEmail")));
        }));
    }

    /** Once per sending of the quote (a quote sent again after a change is a new mail). */
    private static String sourceKey(QuoteSent event) {
        return "quote-sent:" + event.quoteId() + ":" + event.at().toEpochMilli();
    }
}
