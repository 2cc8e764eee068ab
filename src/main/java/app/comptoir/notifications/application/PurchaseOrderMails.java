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
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.PurchaseOrderDocuments;
import app.comptoir.purchasing.PurchaseOrderSent;

/**
 * "Send" on a purchase order to a manual supplier e-mails it the order's PDF, in the business's language. A supplier
 * without an e-mail address gets a log line UNSENDABLE with the reason, for the office to see; so does every order
 * of a demo business. A registered supplier finds the order in its own space instead: no mail. Once per order (an
 * order is sent once).
 */
@Component
class PurchaseOrderMails {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_PURCHASE_ORDER_SENT = "notifications.mail-purchase-order";

    private final Mails mails;
    private final PurchaseOrderDocuments documents;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    PurchaseOrderMails(Mails mails, PurchaseOrderDocuments documents, Tenants tenants, TenantContext tenantContext,
                       PlatformTransactionManager txManager) {
        this.mails = mails;
        this.documents = documents;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_PURCHASE_ORDER_SENT, propagation = Propagation.NOT_SUPPORTED)
    void on(PurchaseOrderSent event) {
        if (event.connected()) {
            return;
        }
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile business = tenants.current();
            Locale locale = AccountMails.locale(business.locale());
            String subject = mails.text(locale, "mail.purchaseOrder.subject", event.number(), business.name());
            if (business.demo()) {
                // The demo's suppliers have invented addresses: nothing leaves, and no PDF is printed for nothing.
                mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey(event), null, locale, "purchase-order",
                        subject, new MailContent(mails.text(locale, "mail.purchaseOrder.heading", event.number()),
                                List.of(), null, null, null), null, null, mails.text(locale, "mail.purchaseOrder.demo")));
                return;
            }
            PurchaseOrderDocuments.PurchaseOrderDocument order = documents.purchaseOrder(event.orderId());
            MailContent content = new MailContent(mails.text(locale, "mail.purchaseOrder.heading", order.number()),
                    List.of(mails.text(locale, "mail.greeting", order.supplierName()),
                            mails.text(locale, "mail.purchaseOrder.body", order.number()),
                            mails.text(locale, "mail.purchaseOrder.closing")),
                    null, null, null);
            mails.queue(new Mails.MailRequest(event.tenantId(), sourceKey(event), order.supplierEmail(), locale,
                    "purchase-order", subject, content, order.fileName(), order.pdf(),
                    mails.text(locale, "mail.purchaseOrder.noEmail")));
        }));
    }

    private static String sourceKey(PurchaseOrderSent event) {
        return "purchase-order-sent:" + event.orderId();
    }
}
