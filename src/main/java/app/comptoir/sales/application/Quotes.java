package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Quote;
import app.comptoir.sales.domain.QuoteStatus;
import app.comptoir.sales.domain.QuoteValidity;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.QuoteRepository;
import app.comptoir.sales.persistence.QuoteSummary;

/**
 * The use cases of quotes (devis): numbered {@code DEV-2026-000001}, valid until a date, {@code DRAFT → SENT
 * → ACCEPTED | REJECTED | EXPIRED}, and converted into a draft order in one step. Same shape as
 * {@link Orders}: load the {@link Quote}, ask it, store it, publish its events.
 */
@Service
@Transactional
public class Quotes {

    private final QuoteRepository repository;
    private final SalesActor actor;
    private final Clock clock;
    private final BusinessTime businessTime;
    private final Customers customers;
    private final LinePricer pricer;
    private final Tenants tenants;
    private final Orders orders;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;

    Quotes(QuoteRepository repository, SalesActor actor, Clock clock, BusinessTime businessTime, Customers customers,
           LinePricer pricer, Tenants tenants, Orders orders, AuditRecorder audit,
           ApplicationEventPublisher events) {
        this.repository = repository;
        this.actor = actor;
        this.clock = clock;
        this.businessTime = businessTime;
        this.customers = customers;
        this.pricer = pricer;
        this.tenants = tenants;
        this.orders = orders;
        this.audit = audit;
        this.events = events;
    }

    /** Quotes, newest first, filtered by status, customer and text (number or customer name). */
    @Transactional(readOnly = true)
    public PageResponse<QuoteSummary> list(QuoteStatus status, UUID customerId, String q, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return repository.list(actor.tenant(), businessTime.today(), status, customerId, q, page, size);
    }

    @Transactional(readOnly = true)
    public QuoteView get(UUID id) {
        return repository.find(actor.tenant(), id, businessTime.today(), false).map(Quotes::view)
                .orElseThrow(() -> new NotFoundException("Quote", id));
    }

    public QuoteView create(QuoteRequest request) {
        actor.require(Permission.ORDERS_WRITE);
        if (request == null) {
            throw InvalidInputException.field("lines", "is required");
        }
        String currency = tenants.current().currency();
        boolean pricesIncludeVat = tenants.current().pricesIncludeVat();
        List<LineView> lines = pricer.price("lines", request.lines(), currency, pricesIncludeVat);
        BigDecimal fee = Optional.ofNullable(Checks.amount("deliveryFee", request.deliveryFee(), currency))
                .orElse(Money.round(BigDecimal.ZERO, currency));
        LocalDate validUntil = QuoteValidity.until(request.validUntil(), businessTime.today());
        String notes = Checks.text("notes", request.notes(), 5000);
        CustomerRef customer = customer(request.customerId(), request.customer());
        Instant now = clock.instant();
        Quote quote = Quote.draft(actor.tenant(), Ids.newId(), customer, validUntil, lines, fee, currency,
                pricesIncludeVat, notes, now);
        repository.insert(quote, businessTime.year(now), actor.userId());
        audit.record(Quote.AUDITED, quote.id(), "CREATE", null, fields(quote));
        return get(quote.id());
    }

    /** Changes a draft quote; a null field is left as it is, non-null lines replace all lines. */
    public QuoteView update(UUID id, QuoteRequest request) {
        actor.require(Permission.ORDERS_WRITE);
        Quote quote = load(id);
        quote.requireChangeable(request.version());
        Map<String, Object> before = fields(quote);
        String currency = quote.currency();
        List<LineView> lines = quote.lines();
        if (request.lines() != null) {
            lines = pricer.price("lines", request.lines(), currency, quote.pricesIncludeVat());
            repository.replaceLines(quote, lines);
        }
        BigDecimal fee = request.deliveryFee() == null ? quote.deliveryFee()
                : Checks.amount("deliveryFee", request.deliveryFee(), currency);
        LocalDate validUntil = quote.validUntil();
        if (request.validUntil() != null) {
            validUntil = QuoteValidity.until(request.validUntil(), businessTime.today());
        }
        String notes = request.notes() == null ? quote.notes() : Checks.text("notes", request.notes(), 5000);
        CustomerRef customer = request.customerId() != null || request.customer() != null
                ? customer(request.customerId(), request.customer()) : quote.customer();
        quote.revise(customer, validUntil, lines, fee, notes, clock.instant());
        repository.storeContent(quote, actor.userId());
        audit.recordChanges(Quote.AUDITED, id, before, fields(quote));
        return get(id);
    }

    /** Moves the quote along its workflow (409 {@code illegal-transition} otherwise). */
    public QuoteView changeStatus(UUID id, QuoteStatus target) {
        actor.require(Permission.ORDERS_WRITE);
        if (target == null) {
            throw InvalidInputException.field("status", "is required");
        }
        Quote quote = load(id);
        QuoteStatus from = quote.status();
        quote.moveTo(target, clock.instant());
        repository.storeStatus(quote, actor.userId());
        audit.record(Quote.AUDITED, id, "UPDATE", Map.of("status", from.name()), Map.of("status", target.name()));
        publish(quote);
        return get(id);
    }

    /**
     * Converts the quote into a draft order (lines, prices, discounts, customer, delivery fee and notes copied;
     * delivery address: the given one of the customer's, else their default) and marks it ACCEPTED. A quote
     * converts once; rejected and expired quotes do not convert.
     */
    public OrderView convert(UUID id, UUID deliveryAddressId) {
        actor.require(Permission.ORDERS_WRITE);
        Quote quote = load(id);
        quote.requireConvertible();
        QuoteStatus from = quote.status();
        OrderView order = orders.createFromQuote(view(quote), deliveryAddressId);
        quote.convertedInto(order.id(), order.number(), clock.instant());
        repository.storeStatus(quote, actor.userId());
        audit.record(Quote.AUDITED, id, "UPDATE", Map.of("status", from.name()),
                Map.of("status", QuoteStatus.ACCEPTED.name(), "order", order.number()));
        publish(quote);
        return order;
    }

    private Quote load(UUID id) {
        return repository.find(actor.tenant(), id, businessTime.today(), true)
                .orElseThrow(() -> new NotFoundException("Quote", id));
    }

    private void publish(Quote quote) {
        quote.events().forEach(events::publishEvent);
    }

    private static QuoteView view(Quote q) {
        return new QuoteView(q.id(), q.number(), q.status(), q.customer(), q.validUntil(), q.lines(), q.deliveryFee(),
                q.totals(), q.currency(), q.pricesIncludeVat(), q.notes(), q.orderId(), q.orderNumber(), q.next(), q.createdAt(),
                q.updatedAt(), q.version());
    }

    private CustomerRef customer(UUID customerId, WalkInCustomer walkIn) {
        if (customerId != null) {
            CustomerView c = customers.find(customerId)
                    .orElseThrow(() -> InvalidInputException.field("customerId", "is not a customer of this business"));
            return new CustomerRef(c.id(), c.name(), c.phone());
        }
        if (walkIn != null) {
            return customers.walkIn(walkIn);
        }
        throw InvalidInputException.field("customerId", "is required (or a walk-in customer {name, phone})");
    }

    /** What the audit log keeps of a quote. */
    private static Map<String, Object> fields(Quote quote) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customer", quote.customer().name());
        f.put("lines", quote.lines().stream().map(l -> l.sku() + " × " + l.quantity()).toList());
        f.put("validUntil", quote.validUntil() == null ? null : quote.validUntil().toString());
        f.put("gross", quote.totals().gross());
        return f;
    }
}
