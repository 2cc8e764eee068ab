package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.sales.OrderDelivered;
import app.comptoir.sales.OrderItem;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.ReturnRecorded;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.CreditNotes;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.domain.InvoiceContent;
import app.comptoir.sales.domain.InvoiceContent.DocumentKind;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Totals;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.InvoiceStore;
import app.comptoir.sales.persistence.InvoiceSummary;

/**
 * Invoices and credit notes. An order is invoiced when it is delivered (a reaction to {@link OrderDelivered}) or
 * earlier, on demand, once confirmed; a return that follows gets a credit note referencing the invoice (a
 * reaction to {@link ReturnRecorded}). An issued document is never changed: its content is frozen with it, its
 * number is taken without gaps ({@link InvoiceStore}) and the database refuses updates and deletes. Issuing is
 * idempotent: an order has at most one invoice, a return at most one credit note.
 */
@Service
@Transactional
public class Invoices {

    /** The listener ids in the event publication registry (stable across renames). */
    public static final String ON_DELIVERY = "sales.invoice-delivered-order";
    public static final String ON_RETURN = "sales.credit-note-for-return";

    private static final Logger log = LoggerFactory.getLogger(Invoices.class);
    private static final int CUSTOMER_LIST = 100;
    private static final String AUDIT_ENTITY = "invoice";
    private static final int REASON_LENGTH = 500;

    private final InvoiceStore store;
    private final Orders orders;
    private final Customers customers;
    private final LegalIdentities legal;
    private final Tenants tenants;
    private final SalesActor actor;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final MessageSource messages;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final AuditRecorder audit;

    Invoices(InvoiceStore store, Orders orders, Customers customers, LegalIdentities legal, Tenants tenants,
             SalesActor actor, BusinessTime businessTime, Clock clock, MessageSource messages,
             TenantContext tenantContext, PlatformTransactionManager txManager, AuditRecorder audit) {
        this.audit = audit;
        this.store = store;
        this.orders = orders;
        this.customers = customers;
        this.legal = legal;
        this.tenants = tenants;
        this.actor = actor;
        this.businessTime = businessTime;
        this.clock = clock;
        this.messages = messages;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    // ---------------------------------------------------------------- reading

    /** The invoice and credit notes of an order the user may see, oldest first. */
    @Transactional(readOnly = true)
    public List<InvoiceSummary> ofOrder(UUID orderId) {
        OrderView order = orders.get(orderId);
        return store.ofOrder(actor.tenant(), order.id());
    }

    /** The invoice and credit notes of an order already read through {@link Orders} (so visible to the user). */
    @Transactional(readOnly = true)
    public List<InvoiceSummary> ofOrder(OrderView order) {
        return store.ofOrder(actor.tenant(), order.id());
    }

    /** A customer's invoices and credit notes, newest first. */
    @Transactional(readOnly = true)
    public List<InvoiceSummary> ofCustomer(UUID customerId) {
        actor.require(Permission.READ);
        return store.ofCustomer(actor.tenant(), customerId, CUSTOMER_LIST);
    }

    /** An issued document with its content (for printing). */
    @Transactional(readOnly = true)
    public InvoiceStore.Stored get(UUID id) {
        actor.require(Permission.READ);
        InvoiceStore.Stored stored = store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Invoice", id));
        orders.get(stored.summary().orderId()); // a driver sees only the documents of their orders
        return stored;
    }

    /** The invoice of an order the user may see, if issued. */
    @Transactional(readOnly = true)
    public Optional<InvoiceStore.Stored> invoiceOf(UUID orderId) {
        OrderView order = orders.get(orderId);
        return store.invoiceOf(actor.tenant(), order.id());
    }

    /** The invoice of an order already read through {@link Orders}, if issued. */
    @Transactional(readOnly = true)
    public Optional<InvoiceStore.Stored> invoiceOf(OrderView order) {
        return store.invoiceOf(actor.tenant(), order.id());
    }

    // ---------------------------------------------------------------- issuing

    /**
     * Invoices a confirmed (or later) order now, in the office; returns the existing invoice when the order has
     * one already. A draft or cancelled order is refused (409).
     */
    public InvoiceSummary issue(UUID orderId) {
        actor.require(Permission.ORDERS_WRITE);
        return issueFor(orderId).summary();
    }

    /** A delivered order is invoiced at once (idempotent: a second delivery event finds the invoice). */
    @ApplicationModuleListener(id = ON_DELIVERY, propagation = Propagation.NOT_SUPPORTED)
    void on(OrderDelivered event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> issueFor(event.orderId())));
    }

    /** A return gets its credit note, after the order's invoice (issued now if it was not yet). */
    @ApplicationModuleListener(id = ON_RETURN, propagation = Propagation.NOT_SUPPORTED)
    void on(ReturnRecorded event) {
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> creditNote(event)));
    }

    private InvoiceStore.Stored issueFor(UUID orderId) {
        UUID tenant = actor.tenant();
        store.lockOrder(tenant, orderId);
        Optional<InvoiceStore.Stored> existing = store.invoiceOf(tenant, orderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        OrderView order = orders.get(orderId);
        if (order.status() == OrderStatus.DRAFT || order.status() == OrderStatus.CANCELLED) {
            throw new ConflictException("not-invoiceable",
                    "Order " + order.number() + " is " + order.status() + ": only a confirmed order is invoiced");
        }
        Instant now = clock.instant();
        LocalDate today = businessTime.today();
        TenantProfile profile = tenants.current();
        Locale locale = Locale.forLanguageTag(profile.locale() == null ? "fr" : profile.locale());
        LegalIdentity seller = legal.current();
        String number = DocumentKind.INVOICE.number(today.getYear(),
                store.nextNumber(tenant, DocumentKind.INVOICE.prefix(), today.getYear()));
        InvoiceContent content = new InvoiceContent(DocumentKind.INVOICE, number, today,
                seller.paymentDays() == null ? null : today.plusDays(seller.paymentDays()), order.id(), order.number(),
                order.currency(), locale.getLanguage(), seller(seller, profile), buyer(order), lines(order, locale),
                order.totals(), seller.paymentTerms(), mentions(seller, order.currency(), locale), seller.iban(),
                seller.bic(), seller.bankName(), null, null, null);
        UUID id = Ids.newId();
        store.insert(tenant, id, content, null, null, now, actor.userId());
        audit.record(AUDIT_ENTITY, id, "CREATE", null, summary(content));
        log.debug("Invoice {} issued for order {}", number, order.number());
        return store.find(tenant, id).orElseThrow();
    }

    private void creditNote(ReturnRecorded event) {
        UUID tenant = actor.tenant();
        InvoiceStore.Stored invoice = issueFor(event.orderId());
        if (store.hasCreditNoteFor(tenant, event.returnId())) {
            return;
        }
        InvoiceContent billed = invoice.content();
        List<CreditNotes.Returned> returned = event.items().stream()
                .map((OrderItem item) -> new CreditNotes.Returned(item.sku(), item.quantity())).toList();
        // Never more than remains to credit per rate: a manual credit note may already have credited these goods.
        List<InvoiceContent> earlier = store.creditNotesOf(tenant, invoice.summary().id()).stream()
                .map(InvoiceStore.Stored::content).toList();
        List<InvoiceContent.Line> lines = CreditNotes.withinRemaining(billed, earlier,
                CreditNotes.lines(billed, returned));
        if (lines.isEmpty()) {
            log.info("Return {} of order {} was already credited in full: no credit note", event.returnId(),
                    billed.orderNumber());
            return;
        }
        Totals totals = CreditNotes.totals(lines, billed.currency());
        LocalDate today = businessTime.today();
        String number = DocumentKind.CREDIT_NOTE.number(today.getYear(),
                store.nextNumber(tenant, DocumentKind.CREDIT_NOTE.prefix(), today.getYear()));
        InvoiceContent content = new InvoiceContent(DocumentKind.CREDIT_NOTE, number, today, null, billed.orderId(),
                billed.orderNumber(), billed.currency(), billed.locale(), billed.seller(), billed.buyer(), lines, totals,
                null, billed.legalMentions(), billed.iban(), billed.bic(), billed.bankName(), billed.number(),
                billed.issuedOn(), event.reason());
        UUID id = Ids.newId();
        store.insert(tenant, id, content, invoice.summary().id(), event.returnId(), clock.instant(), actor.userId());
        audit.record(AUDIT_ENTITY, id, "CREATE", null, summary(content));
    }

    /**
     * A credit note for an invoice without a return (a commercial gesture, a price error), issued by the office:
     * chosen quantities of its lines and/or amounts per VAT rate, with a reason. Numbered in the same gapless
     * series as the credit notes of returns, never changed. Refused (400, every field at once) when it credits
     * more, at a rate, than the invoice billed less its earlier credit notes; 409 for a credit note.
     *
     * <p>With {@code requestedId} (derived from an {@code Idempotency-Key}), a retry finds the credit note issued
     * the first time under that id and returns it ({@link Issued#replayed()}) instead of issuing another; the same
     * id with another credit note (other lines, amounts or reason, or another invoice) is refused (422
     * {@code idempotency-key-reused}). The order's lock makes two simultaneous retries run one after the other.
     */
    public Issued creditNote(UUID invoiceId, CreditNoteRequest request, UUID requestedId) {
        InvoiceStore.Stored invoice = creditable(invoiceId);
        UUID tenant = actor.tenant();
        // One credit note of the order at a time: the second sees the first when it checks what remains.
        store.lockOrder(tenant, invoice.summary().orderId());
        List<InvoiceStore.Stored> notes = store.creditNotesOf(tenant, invoiceId);
        Optional<InvoiceStore.Stored> first = requestedId == null ? Optional.empty()
                : notes.stream().filter(n -> n.summary().id().equals(requestedId)).findFirst();
        if (requestedId != null && first.isEmpty() && store.find(tenant, requestedId).isPresent()) {
            throw IdempotencyKeys.reused("Idempotency-Key");
        }
        if (first.isPresent()) {
            // The retry is checked as the first request was: against the credit notes issued before it.
            notes = notes.subList(0, notes.indexOf(first.get()));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (reason.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("reason", "must not be blank"));
        } else if (reason.length() > REASON_LENGTH) {
            errors.add(new InvalidInputException.FieldError("reason", "must be at most 500 characters long"));
        } else if (TextInput.hasControlCharacter(reason)) {
            errors.add(new InvalidInputException.FieldError("reason", "must not contain control characters"));
        }
        InvoiceContent billed = invoice.content();
        Locale locale = Locale.forLanguageTag(billed.locale() == null ? "fr" : billed.locale());
        List<InvoiceContent> earlier = notes.stream().map(InvoiceStore.Stored::content).toList();
        CreditNotes.Manual manual = CreditNotes.manual(billed, earlier,
                request.lines() == null ? List.of() : request.lines(),
                request.amounts() == null ? List.of() : request.amounts(),
                messages.getMessage("documents.creditNote.amountLine", null, "Credit", locale));
        manual.violations().forEach(v -> errors.add(new InvalidInputException.FieldError(v.field(), v.message())));
        if (!errors.isEmpty()) {
            String detail = manual.detail() != null ? "The credit note is refused: " + manual.detail()
                    : "The credit note is refused: " + errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; "));
            if (first.isPresent()) {
                throw IdempotencyKeys.reused("Idempotency-Key");
            }
            throw new InvalidInputException(detail, errors);
        }
        if (first.isPresent()) {
            InvoiceContent issued = first.get().content();
            if (!reason.equals(issued.reason()) || !CreditNotes.sameLines(manual.lines(), issued.lines())) {
                throw IdempotencyKeys.reused("Idempotency-Key");
            }
            return new Issued(first.get().summary(), true);
        }
        Totals totals = CreditNotes.totals(manual.lines(), billed.currency());
        LocalDate today = businessTime.today();
        String number = DocumentKind.CREDIT_NOTE.number(today.getYear(),
                store.nextNumber(tenant, DocumentKind.CREDIT_NOTE.prefix(), today.getYear()));
        InvoiceContent content = new InvoiceContent(DocumentKind.CREDIT_NOTE, number, today, null, billed.orderId(),
                billed.orderNumber(), billed.currency(), billed.locale(), billed.seller(), billed.buyer(),
                manual.lines(), totals, null, billed.legalMentions(), billed.iban(), billed.bic(), billed.bankName(),
                billed.number(), billed.issuedOn(), reason);
        UUID id = requestedId == null ? Ids.newId() : requestedId;
        store.insert(tenant, id, content, invoiceId, null, clock.instant(), actor.userId());
        Map<String, Object> audited = summary(content);
        audited.put("reason", reason);
        audit.record(AUDIT_ENTITY, id, "CREATE", null, audited);
        return new Issued(store.find(tenant, id).orElseThrow().summary(), false);
    }

    /** A credit note issued now, or found issued earlier under the same idempotency key ({@code replayed}). */
    public record Issued(InvoiceSummary creditNote, boolean replayed) {
    }

    /** The invoice a user who may write orders can credit (403 otherwise; 404; 409 for a credit note). */
    @Transactional(readOnly = true)
    public InvoiceStore.Stored creditable(UUID invoiceId) {
        actor.require(Permission.ORDERS_WRITE);
        InvoiceStore.Stored invoice = get(invoiceId);
        if (!DocumentKind.INVOICE.prefix().equals(invoice.summary().kind())) {
            throw new ConflictException("not-an-invoice", invoice.summary().number() + " is a credit note: only an "
                    + "invoice is credited");
        }
        return invoice;
    }

    /**
     * What every invoice of the current business says besides its order (seller, language, terms, mentions, bank
     * details, the delivery fee's label), for invoicing imported order history in bulk.
     */
    public record Billing(InvoiceContent.Party seller, String locale, Integer paymentDays, String paymentTerms,
                          String mentions, String iban, String bic, String bankName, String deliveryFeeLabel) {
    }

    /** The current business's {@link Billing} in the currency. */
    @Transactional(readOnly = true)
    public Billing billing(String currency) {
        TenantProfile profile = tenants.current();
        Locale locale = Locale.forLanguageTag(profile.locale() == null ? "fr" : profile.locale());
        LegalIdentity seller = legal.current();
        return new Billing(seller(seller, profile), locale.getLanguage(), seller.paymentDays(), seller.paymentTerms(),
                mentions(seller, currency, locale), seller.iban(), seller.bic(), seller.bankName(),
                messages.getMessage("documents.deliveryFee", null, "Delivery", locale));
    }

    // ---------------------------------------------------------------- content

    /** What the audit trail keeps of an issued document (the document itself is its full record). */
    private static Map<String, Object> summary(InvoiceContent c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", c.number());
        f.put("order", c.orderNumber());
        f.put("gross", c.totals().gross());
        if (c.invoiceNumber() != null) {
            f.put("invoice", c.invoiceNumber());
        }
        return f;
    }

    private static InvoiceContent.Party seller(LegalIdentity i, TenantProfile profile) {
        return new InvoiceContent.Party(i.legalName() == null ? profile.name() : i.legalName(), i.legalForm(),
                i.addressLine1(), i.addressLine2(), i.postalCode(), i.city(), i.country(), i.siren(), i.siret(),
                i.vatNumber(), i.ninea(), i.rccm(), null, null);
    }

    /** The customer with their billing address (else the delivery address, else the order's address). */
    private InvoiceContent.Party buyer(OrderView order) {
        Optional<CustomerView> customer = order.customer().id() == null ? Optional.empty()
                : customers.find(order.customer().id());
        AddressSnapshot delivery = order.deliveryAddress();
        Optional<AddressView> billing = customer.flatMap(c -> c.addresses().stream()
                .filter(AddressView::defaultBilling).findFirst()
                .or(() -> c.addresses().stream().filter(AddressView::defaultDelivery).findFirst()));
        String email = customer.map(CustomerView::email).orElse(null);
        String name = customer.filter(c -> c.kind() == CustomerKind.COMPANY || !c.walkIn()).map(CustomerView::name)
                .orElse(order.customer().name());
        if (billing.isPresent()) {
            AddressView a = billing.get();
            return new InvoiceContent.Party(name, null, a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                    null, null, null, null, null, order.customer().phone(), email);
        }
        if (delivery != null) {
            return new InvoiceContent.Party(name, null, delivery.line1(), delivery.line2(), delivery.postalCode(),
                    delivery.city(), delivery.country(), null, null, null, null, null, order.customer().phone(), email);
        }
        return new InvoiceContent.Party(name, null, null, null, null, null, null, null, null, null, null, null,
                order.customer().phone(), email);
    }

    /** The order's lines, and its delivery fee as a line at the rate it is taxed at (the highest of the order). */
    private List<InvoiceContent.Line> lines(OrderView order, Locale locale) {
        List<InvoiceContent.Line> lines = new ArrayList<>();
        for (LineView l : order.lines()) {
            lines.add(new InvoiceContent.Line(l.sku(), l.label(), l.quantity(), l.unitPrice(), l.discount(),
                    l.vatRate(), l.net()));
        }
        BigDecimal fee = order.deliveryFee();
        if (fee != null && fee.signum() > 0) {
            BigDecimal rate = order.totals().byRate().stream().map(Totals.VatLine::rate)
                    .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
            lines.add(new InvoiceContent.Line(null, messages.getMessage("documents.deliveryFee", null, "Delivery",
                    locale), 1, fee, BigDecimal.ZERO, rate, fee));
        }
        return lines;
    }

    /** The business's own mentions, else, for a business invoicing in euros, the ones French law requires. */
    private String mentions(LegalIdentity seller, String currency, Locale locale) {
        if (seller.legalMentions() != null) {
            return seller.legalMentions();
        }
        boolean french = seller.country() == null ? "EUR".equals(currency) : "FR".equals(seller.country());
        return french ? messages.getMessage("documents.mentions.france", null, locale) : null;
    }
}
