package app.comptoir.notifications.application;

import java.time.format.DateTimeFormatter;
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
import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.OnlineOrderPlaced;

/**
 * The shopper's confirmation e-mail of an order placed in the online shop, in their language: its number, amount,
 * how it is paid, the delivery slot, and the link to the order's page. Once per order (keyed by its source); a demo
 * business's orders get a log line UNSENDABLE instead (invented addresses).
 */
@Component
class OnlineOrderMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_PLACED = "notifications.mail-online-order-placed";

    private final Mails mails;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final SiteLinks links;
    private final MoneyFormat money;
    private final TransactionTemplate tx;

    OnlineOrderMails(Mails mails, Tenants tenants, TenantContext tenantContext, SiteLinks links, MoneyFormat money,
                     PlatformTransactionManager txManager) {
        this.mails = mails;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.links = links;
        this.money = money;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_PLACED, propagation = Propagation.NOT_SUPPORTED)
    void on(OnlineOrderPlaced event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = AccountMails.locale(event.locale());
            String subject = mails.text(locale, "storefront.mail.placed.subject", event.number(), business.name());
            String sourceKey = "online-order-placed:" + event.orderId();
            String heading = mails.text(locale, "storefront.mail.placed.heading");
            if (business.demo()) {
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, null, locale, "online-order", subject,
                        new MailContent(heading, List.of(), null, null, null), null, null,
                        mails.text(locale, "storefront.mail.demo")));
                return;
            }
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(mails.text(locale, "mail.greeting", event.name()));
            paragraphs.add(mails.text(locale, "storefront.mail.placed.body", event.number(),
                    money.format(event.gross(), event.currency(), locale)));
            paragraphs.add(mails.text(locale, "ONLINE".equals(event.payment()) ? "storefront.mail.placed.paidOnline"
                    : "storefront.mail.placed.payOnDelivery"));
            if (event.slotDay() != null) {
                paragraphs.add(mails.text(locale, "storefront.mail.placed.slot",
                        DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(event.slotDay()),
                        event.slotLabel()));
            }
            String link = links.absolute("/shop/" + event.shopSlug() + "/orders/" + event.orderId());
            MailContent content = new MailContent(heading, paragraphs,
                    mails.text(locale, "storefront.mail.placed.action"), link, null);
            mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey, event.email(), locale, "online-order",
                    subject, content, null, null, mails.text(locale, "storefront.mail.noEmail")));
        }));
    }
}
