package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PdfRenderer;
import app.comptoir.platform.Permission;
import app.comptoir.sales.domain.FacturX;
import app.comptoir.sales.domain.InvoiceContent;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.InvoiceStore;

/**
 * The sales documents as PDF, in the business's language and currency: the quote (with "Bon pour accord"), the
 * delivery note (items, address, signature), and the issued invoices and credit notes, which are PDF/A-3 with
 * their Factur-X XML attached. One template ({@code sales/documents/document.html}) lays them all out.
 */
@Service
@Transactional(readOnly = true)
public class SalesDocuments {

    private static final String TEMPLATE = "sales/documents/document";

    /** A rendered document: its file name and bytes. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    private final Quotes quotes;
    private final Orders orders;
    private final Customers customers;
    private final Invoices invoices;
    private final LegalIdentities legal;
    private final Tenants tenants;
    private final SalesActor actor;
    private final ITemplateEngine templates;
    private final PdfRenderer pdf;
    private final MoneyFormat money;

    SalesDocuments(Quotes quotes, Orders orders, Customers customers, Invoices invoices, LegalIdentities legal,
                   Tenants tenants, SalesActor actor, ITemplateEngine templates, PdfRenderer pdf, MoneyFormat money) {
        this.quotes = quotes;
        this.orders = orders;
        this.customers = customers;
        this.invoices = invoices;
        this.legal = legal;
        this.tenants = tenants;
        this.actor = actor;
        this.templates = templates;
        this.pdf = pdf;
        this.money = money;
    }

    /** The quote, with the seller's identity, the customer's address, terms and the "Bon pour accord" area. */
    public Pdf quote(UUID quoteId) {
        actor.require(Permission.READ);
        QuoteView quote = quotes.get(quoteId);
        TenantProfile profile = tenants.current();
        LegalIdentity identity = legal.current();
        InvoiceContent.Party buyer = customer(quote.customer().id(), quote.customer().name(), quote.customer().phone());
        ZoneId zone = ZoneId.of(profile.timezone());
        Map<String, Object> model = base("quote", profile, identity, quote.currency());
        model.put("number", quote.number());
        model.put("issuedOn", quote.createdAt().atZone(zone).toLocalDate());
        model.put("validUntil", quote.validUntil());
        model.put("buyer", buyer);
        model.put("lines", lines(quote.lines()));
        model.put("deliveryFee", quote.deliveryFee());
        model.put("totals", quote.totals());
        model.put("paymentTerms", identity.paymentTerms());
        model.put("notes", quote.notes());
        return new Pdf(quote.number() + ".pdf", pdf.render(html(model, profile)));
    }

    /** The delivery note: what the driver brings, where, and the customer's signature. */
    public Pdf deliveryNote(UUID orderId) {
        OrderView order = orders.get(orderId);
        TenantProfile profile = tenants.current();
        LegalIdentity identity = legal.current();
        Map<String, Object> model = base("delivery-note", profile, identity, order.currency());
        model.put("number", order.number());
        model.put("issuedOn", order.createdAt().atZone(ZoneId.of(profile.timezone())).toLocalDate());
        model.put("buyer", customer(order.customer().id(), order.customer().name(), order.customer().phone()));
        model.put("address", order.deliveryAddress());
        model.put("lines", lines(order.lines()));
        model.put("driver", order.driver() == null ? null : order.driver().name());
        model.put("notes", order.notes());
        return new Pdf("BL-" + order.number() + ".pdf", pdf.render(html(model, profile)));
    }

    /** The order's invoice (404 until it is issued). */
    public Pdf invoiceOfOrder(UUID orderId) {
        InvoiceStore.Stored stored = invoices.invoiceOf(orderId)
                .orElseThrow(() -> new NotFoundException("Invoice of order", orderId));
        return print(stored);
    }

    /** An issued invoice or credit note, as PDF/A-3 with its Factur-X XML. */
    public Pdf invoice(UUID invoiceId) {
        return print(invoices.get(invoiceId));
    }

    private Pdf print(InvoiceStore.Stored stored) {
        InvoiceContent c = stored.content();
        TenantProfile profile = tenants.current();
        LegalIdentity identity = legal.current();
        Map<String, Object> model = base(c.kind() == InvoiceContent.DocumentKind.INVOICE ? "invoice" : "credit-note",
                profile, identity, c.currency());
        model.put("number", c.number());
        model.put("issuedOn", c.issuedOn());
        model.put("dueOn", c.dueOn());
        model.put("orderNumber", c.orderNumber());
        model.put("seller", c.seller());
        model.put("buyer", c.buyer());
        model.put("lines", c.lines());
        model.put("totals", c.totals());
        model.put("paymentTerms", c.paymentTerms());
        model.put("mentions", c.legalMentions());
        model.put("iban", c.iban());
        model.put("bic", c.bic());
        model.put("bankName", c.bankName());
        model.put("invoiceNumber", c.invoiceNumber());
        model.put("invoiceDate", c.invoiceDate());
        model.put("reason", c.reason());
        Locale locale = Locale.forLanguageTag(c.locale() == null ? "fr" : c.locale());
        String html = templates.process(TEMPLATE, new Context(locale, model));
        byte[] xml = FacturX.of(c).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = pdf.renderFacturX(html, c.number(),
                new PdfRenderer.FacturXAttachment(FacturX.FILE_NAME, xml, "INVOICE", "EN 16931"), stored.issuedAt());
        return new Pdf(c.number() + ".pdf", bytes);
    }

    private Map<String, Object> base(String type, TenantProfile profile, LegalIdentity identity, String currency) {
        Map<String, Object> model = new HashMap<>();
        Locale locale = locale(profile);
        model.put("type", type);
        model.put("seller", seller(identity, profile));
        model.put("sellerPhone", null);
        model.put("logo", legal.logo().map(l -> "data:" + l.mediaType() + ";base64,"
                + Base64.getEncoder().encodeToString(l.bytes())).orElse(null));
        model.put("fmt", new Printing(money, currency, locale));
        return model;
    }

    private String html(Map<String, Object> model, TenantProfile profile) {
        return templates.process(TEMPLATE, new Context(locale(profile), model));
    }

    private static Locale locale(TenantProfile profile) {
        return Locale.forLanguageTag(profile.locale() == null ? "fr" : profile.locale());
    }

    private static InvoiceContent.Party seller(LegalIdentity i, TenantProfile profile) {
        return new InvoiceContent.Party(i.legalName() == null ? profile.name() : i.legalName(), i.legalForm(),
                i.addressLine1(), i.addressLine2(), i.postalCode(), i.city(), i.country(), i.siren(), i.siret(),
                i.vatNumber(), i.ninea(), i.rccm(), null, null);
    }

    private InvoiceContent.Party customer(UUID id, String name, String phone) {
        Optional<CustomerView> customer = id == null ? Optional.empty() : customers.find(id);
        Optional<AddressView> address = customer.flatMap(c -> c.addresses().stream().filter(AddressView::defaultBilling)
                .findFirst().or(() -> c.addresses().stream().findFirst()));
        String email = customer.map(CustomerView::email).orElse(null);
        return address.map(a -> new InvoiceContent.Party(name, null, a.line1(), a.line2(), a.postalCode(), a.city(),
                        a.country(), null, null, null, null, null, phone, email))
                .orElseGet(() -> new InvoiceContent.Party(name, null, null, null, null, null, null, null, null, null,
                        null, null, phone, email));
    }

    private static List<InvoiceContent.Line> lines(List<LineView> lines) {
        return lines.stream().map(l -> new InvoiceContent.Line(l.sku(), l.label(), l.quantity(), l.unitPrice(),
                l.discount(), l.vatRate(), l.net())).toList();
    }

    /** Amounts, dates and rates as the business's language writes them (templates call it {@code fmt}). */
    public record Printing(MoneyFormat money, String currency, Locale locale) {

        public String money(BigDecimal amount) {
            return money.format(amount, currency, locale);
        }

        public String date(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(date);
        }

        public String rate(BigDecimal rate) {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(2);
            return rate == null ? "" : f.format(rate.setScale(2, RoundingMode.HALF_UP)) + "\u00a0%";
        }
    }
}
