package app.comptoir.sales;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.DocumentNumbers;
import app.comptoir.sales.domain.LinePricer;
import app.comptoir.sales.domain.Pricing;
import app.comptoir.sales.domain.SaleLines;
import app.comptoir.sales.domain.SalesActor;

/**
 * Quotes (devis) of the current tenant: numbered {@code DEV-2026-000001}, valid until a date, {@code DRAFT →
 * SENT → ACCEPTED | REJECTED | EXPIRED} (a sent quote past its date reads as EXPIRED), and converted into a
 * draft order in one step.
 */
@Service
@Transactional
public class Quotes {

    /** Days a quote stays valid when no date is given. */
    public static final int DEFAULT_VALIDITY_DAYS = 30;

    private static final String HEADER = """
            select q.id, q.number, case when q.status = 'SENT' and q.valid_until < ? then 'EXPIRED' else q.status end as status,
                   q.customer_id, q.customer_name, q.customer_phone, q.valid_until, q.notes, q.currency, q.delivery_fee,
                   q.net, q.vat, q.gross, q.order_id, o.number as order_number, q.created_at, q.updated_at, q.version
              from sales_quotes q left join sales_orders o on o.tenant_id = q.tenant_id and o.id = q.order_id""";

    private final JdbcTemplate jdbc;
    private final SalesActor actor;
    private final Clock clock;
    private final Customers customers;
    private final LinePricer pricer;
    private final SaleLines saleLines;
    private final DocumentNumbers numbers;
    private final Tenants tenants;
    private final Orders orders;
    private final AuditRecorder audit;

    Quotes(JdbcTemplate jdbc, SalesActor actor, Clock clock, Customers customers, LinePricer pricer, SaleLines saleLines,
           DocumentNumbers numbers, Tenants tenants, Orders orders, AuditRecorder audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.actor = actor;
        this.clock = clock;
        this.customers = customers;
        this.pricer = pricer;
        this.saleLines = saleLines;
        this.numbers = numbers;
        this.tenants = tenants;
        this.orders = orders;
    }

    /** Quotes, newest first, filtered by status, customer and text (number or customer name). */
    @Transactional(readOnly = true)
    public PageResponse<QuoteSummary> list(QuoteStatus status, UUID customerId, String q, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        Date today = Date.valueOf(today());
        StringBuilder where = new StringBuilder(" where q.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(actor.tenant()));
        if (status != null) {
            where.append(" and (case when q.status = 'SENT' and q.valid_until < ? then 'EXPIRED' else q.status end) = ?");
            args.add(today);
            args.add(status.name());
        }
        if (customerId != null) {
            where.append(" and q.customer_id = ?");
            args.add(customerId);
        }
        if (q != null && !q.isBlank()) {
            String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(q.number) like ? or lower(coalesce(q.customer_name, '')) like ?)");
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("select count(*) from sales_quotes q" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(today);
        pageArgs.addAll(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<QuoteSummary> items = jdbc.query(HEADER + where + " order by q.created_at desc, q.id desc limit ? offset ?",
                (rs, i) -> new QuoteSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        QuoteStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_name"), rs.getDate("valid_until").toLocalDate(), rs.getBigDecimal("net"),
                        rs.getBigDecimal("gross"), rs.getString("currency"), rs.getObject("order_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()), pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    @Transactional(readOnly = true)
    public QuoteView get(UUID id) {
        return find(id, false).orElseThrow(() -> new NotFoundException("Quote", id));
    }

    public QuoteView create(QuoteRequest request) {
        if (request == null) {
            throw InvalidInputException.field("lines", "is required");
        }
        TenantProfile profile = tenants.current();
        String currency = profile.currency();
        List<LineView> lines = pricer.price("lines", request.lines(), currency);
        BigDecimal fee = Optional.ofNullable(Checks.amount("deliveryFee", request.deliveryFee(), currency))
                .orElse(Pricing.round(BigDecimal.ZERO, currency));
        LocalDate validUntil = request.validUntil() == null ? today().plusDays(DEFAULT_VALIDITY_DAYS) : request.validUntil();
        checkValidity(validUntil);
        String notes = Checks.text("notes", request.notes(), 5000);
        CustomerRef customer = customer(request.customerId(), request.customer());
        Totals totals = Pricing.totals(lines, fee, currency);
        UUID tenant = actor.tenant();
        UUID id = Ids.newId();
        Instant now = clock.instant();
        int year = now.atZone(zone(profile)).getYear();
        jdbc.update("""
                insert into sales_quotes (id, tenant_id, number, status, customer_id, customer_name, customer_phone,
                  valid_until, notes, currency, delivery_fee, net, vat, gross, created_at, created_by, updated_at, updated_by)
                values (?, ?, %s, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(DocumentNumbers.EXPRESSION),
                id, tenant, DocumentNumbers.prefix("DEV", year), numbers.sequence(tenant, "DEV", year),
                customer.id(), customer.name(), customer.phone(),
                Date.valueOf(validUntil), notes, currency, fee, totals.net(), totals.vat(), totals.gross(),
                Timestamp.from(now), actor.userId(), Timestamp.from(now), actor.userId());
        saleLines.insert(SaleLines.Kind.QUOTE, tenant, id, lines, 0);
        audit.record(QUOTE, id, "CREATE", null, fields(customer.name(), lines, validUntil, totals.gross()));
        return get(id);
    }

    /** Changes a draft quote; a null field is left as it is, non-null lines replace all lines. */
    public QuoteView update(UUID id, QuoteRequest request) {
        QuoteView quote = find(id, true).orElseThrow(() -> new NotFoundException("Quote", id));
        if (quote.status() != QuoteStatus.DRAFT) {
            throw new ConflictException("quote-not-draft", "Quote " + quote.number() + " is " + quote.status()
                    + ": only a draft quote can change");
        }
        if (request.version() != null && request.version() != quote.version()) {
            throw new ConflictException("concurrent-modification", "The quote was changed by someone else; reload it");
        }
        UUID tenant = actor.tenant();
        String currency = quote.currency();
        List<LineView> lines = quote.lines();
        if (request.lines() != null) {
            lines = pricer.price("lines", request.lines(), currency);
            saleLines.deleteAll(SaleLines.Kind.QUOTE, tenant, id);
            saleLines.insert(SaleLines.Kind.QUOTE, tenant, id, lines, 0);
        }
        BigDecimal fee = request.deliveryFee() == null ? quote.deliveryFee()
                : Checks.amount("deliveryFee", request.deliveryFee(), currency);
        LocalDate validUntil = request.validUntil() == null ? quote.validUntil() : request.validUntil();
        if (request.validUntil() != null) {
            checkValidity(validUntil);
        }
        String notes = request.notes() == null ? quote.notes() : Checks.text("notes", request.notes(), 5000);
        CustomerRef customer = request.customerId() != null || request.customer() != null
                ? customer(request.customerId(), request.customer()) : quote.customer();
        Totals totals = Pricing.totals(lines, fee, currency);
        jdbc.update("""
                update sales_quotes set customer_id = ?, customer_name = ?, customer_phone = ?, valid_until = ?, notes = ?,
                  delivery_fee = ?, net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ?""",
                customer.id(), customer.name(), customer.phone(), Date.valueOf(validUntil), notes, fee, totals.net(),
                totals.vat(), totals.gross(), Timestamp.from(clock.instant()), actor.userId(), tenant, id);
        audit.recordChanges(QUOTE, id, fields(quote.customer().name(), quote.lines(), quote.validUntil(), quote.totals().gross()),
                fields(customer.name(), lines, validUntil, totals.gross()));
        return get(id);
    }

    /** Moves the quote along its workflow (409 {@code illegal-transition} otherwise). */
    public QuoteView changeStatus(UUID id, QuoteStatus target) {
        if (target == null) {
            throw InvalidInputException.field("status", "is required");
        }
        QuoteView quote = find(id, true).orElseThrow(() -> new NotFoundException("Quote", id));
        if (!quote.status().canMoveTo(target)) {
            throw new IllegalTransitionException("Quote " + quote.number(), quote.status(), target, quote.status().next());
        }
        if (target == QuoteStatus.SENT && quote.lines().isEmpty()) {
            throw new ConflictException("quote-empty", "Quote " + quote.number() + " has no lines to send");
        }
        setStatus(id, target);
        audit.record(QUOTE, id, "UPDATE", Map.of("status", quote.status().name()), Map.of("status", target.name()));
        return get(id);
    }

    /**
     * Converts the quote into a draft order (lines, prices, discounts, customer, delivery fee and notes copied;
     * delivery address: the given one of the customer's, else their default) and marks it ACCEPTED. A quote
     * converts once; rejected and expired quotes do not convert.
     */
    public OrderView convert(UUID id, UUID deliveryAddressId) {
        QuoteView quote = find(id, true).orElseThrow(() -> new NotFoundException("Quote", id));
        if (quote.orderId() != null) {
            throw new ConflictException("quote-converted", "Quote " + quote.number() + " was already converted into order "
                    + quote.orderNumber());
        }
        if (quote.status() == QuoteStatus.REJECTED || quote.status() == QuoteStatus.EXPIRED) {
            throw new ConflictException("illegal-transition", "Quote " + quote.number() + " is " + quote.status()
                    + " and cannot be converted");
        }
        if (quote.lines().isEmpty()) {
            throw new ConflictException("quote-empty", "Quote " + quote.number() + " has no lines");
        }
        OrderView order = orders.createFromQuote(quote, deliveryAddressId);
        jdbc.update("update sales_quotes set status = 'ACCEPTED', order_id = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where tenant_id = ? and id = ?", order.id(), Timestamp.from(clock.instant()),
                actor.userId(), actor.tenant(), id);
        audit.record(QUOTE, id, "UPDATE", Map.of("status", quote.status().name()),
                Map.of("status", QuoteStatus.ACCEPTED.name(), "order", order.number()));
        return order;
    }

    private void setStatus(UUID id, QuoteStatus target) {
        jdbc.update("update sales_quotes set status = ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", target.name(), Timestamp.from(clock.instant()), actor.userId(),
                actor.tenant(), id);
    }

    private Optional<QuoteView> find(UUID id, boolean forUpdate) {
        UUID tenant = actor.tenant();
        List<QuoteView> rows = jdbc.query(HEADER + " where q.tenant_id = ? and q.id = ?" + (forUpdate ? " for update of q" : ""),
                (rs, i) -> new QuoteView(rs.getObject("id", UUID.class), rs.getString("number"),
                        QuoteStatus.valueOf(rs.getString("status")), new CustomerRef(rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_name"), rs.getString("customer_phone")),
                        rs.getDate("valid_until").toLocalDate(), List.of(), rs.getBigDecimal("delivery_fee"), null,
                        rs.getString("currency"), rs.getString("notes"), rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"), List.of(), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(), rs.getLong("version")),
                Date.valueOf(today()), tenant, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        QuoteView q = rows.getFirst();
        List<LineView> lines = saleLines.load(SaleLines.Kind.QUOTE, tenant, id);
        return Optional.of(new QuoteView(q.id(), q.number(), q.status(), q.customer(), q.validUntil(), lines,
                q.deliveryFee(), Pricing.totals(lines, q.deliveryFee(), q.currency()), q.currency(), q.notes(), q.orderId(),
                q.orderNumber(), q.orderId() == null ? q.status().next() : List.of(), q.createdAt(), q.updatedAt(),
                q.version()));
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

    private void checkValidity(LocalDate validUntil) {
        if (validUntil.isBefore(today())) {
            throw InvalidInputException.field("validUntil", "must be today or later");
        }
        if (validUntil.isAfter(today().plusYears(2))) {
            throw InvalidInputException.field("validUntil", "must be within two years");
        }
    }

    /** Today in the business's time zone (validity dates are the business's calendar days). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone(tenants.current())));
    }

    private static ZoneId zone(TenantProfile profile) {
        try {
            return ZoneId.of(profile.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static final String QUOTE = "quote";

    /** What the audit log keeps of a quote. */
    private static Map<String, Object> fields(String customer, List<LineView> lines, LocalDate validUntil,
                                              BigDecimal gross) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customer", customer);
        f.put("lines", lines.stream().map(l -> l.sku() + " × " + l.quantity()).toList());
        f.put("validUntil", validUntil == null ? null : validUntil.toString());
        f.put("gross", gross);
        return f;
    }
}
