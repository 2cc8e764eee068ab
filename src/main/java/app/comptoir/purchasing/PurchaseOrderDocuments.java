package app.comptoir.purchasing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.PdfRenderer;
import app.comptoir.purchasing.application.PurchaseOrderView;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.application.Suppliers;
import app.comptoir.purchasing.persistence.SupplierView;

/** A purchase order as its supplier receives it (PDF), for the page's link and the notifications module's e-mail. */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderDocuments {

    private static final String TEMPLATE = "purchasing/documents/purchase-order";

    /**
     * The order's PDF and where to send it.
     *
     * @param supplierEmail the supplier's address, or null when its record has none
     */
    public record PurchaseOrderDocument(String number, String supplierName, String supplierEmail, String fileName,
                                        byte[] pdf) {
    }

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final Tenants tenants;
    private final LegalIdentities legal;
    private final BusinessTime businessTime;
    private final ITemplateEngine templates;
    private final PdfRenderer pdf;
    private final MoneyFormat money;

    PurchaseOrderDocuments(PurchaseOrders orders, Suppliers suppliers, Tenants tenants, LegalIdentities legal,
                           BusinessTime businessTime, ITemplateEngine templates, PdfRenderer pdf, MoneyFormat money) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.tenants = tenants;
        this.legal = legal;
        this.businessTime = businessTime;
        this.templates = templates;
        this.pdf = pdf;
        this.money = money;
    }

    /** The current business's purchase order, printed, with its supplier's name and e-mail address. */
    public PurchaseOrderDocument purchaseOrder(UUID orderId) {
        PurchaseOrderView order = orders.find(orderId);
        SupplierView supplier = suppliers.find(order.supplierId()).orElse(null);
        TenantProfile profile = tenants.current();
        LegalIdentity identity = legal.current();
        Locale locale = Locale.forLanguageTag(profile.locale() == null ? "fr" : profile.locale());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        ZoneId zone = businessTime.zone();
        Map<String, Object> model = new HashMap<>();
        model.put("order", order);
        model.put("supplier", supplier);
        model.put("buyer", new Buyer(identity.legalName() == null ? profile.name() : identity.legalName(),
                identity.addressLine1(), identity.postalCode(), identity.city()));
        model.put("issuedOn", dates.format((order.sentAt() == null ? order.createdAt() : order.sentAt()).atZone(zone)));
        model.put("expectedOn", order.expectedOn() == null ? null : dates.format(order.expectedOn()));
        model.put("fmt", new Printing(money, order.currency(), locale));
        byte[] bytes = pdf.render(templates.process(TEMPLATE, new Context(locale, model)));
        String email = supplier == null || supplier.email() == null || supplier.email().isBlank() ? null : supplier.email();
        return new PurchaseOrderDocument(order.number(), order.supplierName(), email, order.number() + ".pdf", bytes);
    }

    /** Amounts as the business's language writes them (the template calls it {@code fmt}). */
    public record Printing(MoneyFormat money, String currency, Locale locale) {

        public String money(BigDecimal amount) {
            return money.format(amount, currency, locale);
        }
    }

    /** The buyer's name and address on the order. */
    public record Buyer(String name, String line1, String postalCode, String city) {
    }
}
