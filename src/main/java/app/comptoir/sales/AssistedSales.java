package app.comptoir.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.LinePricer;
import app.comptoir.sales.persistence.OrderFilter;
import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.OrderRequest;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.application.QuoteRequest;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.application.Quotes;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.domain.Pricing;
import app.comptoir.sales.domain.Totals;
import app.comptoir.sales.domain.Quote;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;

/**
 * What the assistant's chat agent may do in sales, on behalf of the signed-in staff user: find customers, read a
 * customer's orders, draft a quote, price an order and place it. Each act runs through sales' own use cases with the
 * caller's permissions ({@link Permission#READ} to read, {@link Permission#ORDERS_WRITE} to draft or place), and every
 * quote or order the agent drafts gets an audit entry {@value #AUDIT_ACTION} naming the conversation, so staff see
 * in the audit trail what the assistant drafted.
 */
@Service
public class AssistedSales {

    /** The audit action that marks a quote or an order as drafted by the assistant. */
    public static final String AUDIT_ACTION = "ASSISTANT_DRAFT";

    /** A customer found by name, e-mail or phone. */
    public record CustomerMatch(UUID id, String name, String email, String city) {
    }

    /** A line the agent sells: a variant and how many. */
    public record Line(UUID variantId, int quantity) {
    }

    /** A priced line as the order or quote would hold it. */
    public record PricedLine(UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice,
                             BigDecimal amount) {
    }

    /** A customer's delivery address, on one line. */
    public record DeliveryAddress(UUID id, String text) {
    }

    /** An order as it would be placed: the customer, lines, totals and where it goes. */
    public record Proposal(UUID customerId, String customerName, List<PricedLine> lines, BigDecimal net,
                           BigDecimal vat, BigDecimal gross, String currency, DeliveryAddress address) {
    }

    /** A document the agent created: a quote ({@code DEV-…}) or an order ({@code CMD-…}), with its total. */
    public record Drafted(UUID id, String number, String status, BigDecimal gross, String currency) {
    }

    private static final List<OrderStatus> VISIBLE = List.copyOf(EnumSet.allOf(OrderStatus.class));

    private final Customers customers;
    private final Orders orders;
    private final Quotes quotes;
    private final Permissions permissions;
    private final AuditRecorder audit;
    private final LinePricer pricer;
    private final Tenants tenants;

    AssistedSales(Customers customers, Orders orders, Quotes quotes, Permissions permissions, AuditRecorder audit,
                  LinePricer pricer, Tenants tenants) {
        this.pricer = pricer;
        this.tenants = tenants;
        this.customers = customers;
        this.orders = orders;
        this.quotes = quotes;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Whether the caller may draft quotes and place orders. */
    public boolean maySell() {
        return permissions.has(Permission.ORDERS_WRITE);
    }

    /** Live customers whose name, e-mail or phone matches, at most {@code max}. */
    @Transactional(readOnly = true)
    public List<CustomerMatch> findCustomers(String query, int max) {
        permissions.require(Permission.READ);
        return customers.list(query, 0, Math.max(1, Math.min(max, 20))).items().stream()
                .filter(c -> !c.walkIn())
                .map(c -> new CustomerMatch(c.id(), c.name(), c.email(),
                        c.addresses().isEmpty() ? null : c.addresses().getFirst().city()))
                .toList();
    }

    /** The customer's orders, newest first, at most {@code max}; empty for an unknown customer. */
    @Transactional(readOnly = true)
    public List<CustomerOrderSummary> orders(UUID customerId, int max) {
        permissions.require(Permission.READ);
        if (customers.find(customerId).isEmpty()) {
            return List.of();
        }
        return orders.list(new OrderFilter(VISIBLE, customerId, null, null, null, null, null), 0,
                        Math.max(1, Math.min(max, 20))).items().stream()
                .map(o -> new CustomerOrderSummary(o.id(), o.number(), o.status(), o.createdAt(), o.lineCount(),
                        o.gross(), o.currency()))
                .toList();
    }

    /** Drafts a quote for the customer (403 without ORDERS_WRITE), marked as the assistant's in the audit trail. */
    @Transactional
    public Drafted draftQuote(UUID customerId, List<Line> lines, String notes, UUID conversationId) {
        permissions.require(Permission.ORDERS_WRITE);
        QuoteView quote = quotes.create(new QuoteRequest(customerId, null, null, requests(lines), null, notes, null));
        audit.record(Quote.AUDITED, quote.id(), AUDIT_ACTION, null, mark(conversationId, quote.number()));
        return new Drafted(quote.id(), quote.number(), quote.status().name(), quote.totals().gross(), quote.currency());
    }

    /**
     * Prices the order the customer would get, delivered to their default delivery address (or the first one): 400
     * when the customer is unknown, has no address, or a line is not for sale. Nothing is stored.
     */
    @Transactional(readOnly = true)
    public Proposal propose(UUID customerId, List<Line> lines) {
        permissions.require(Permission.ORDERS_WRITE);
        CustomerView customer = customerId == null ? null : customers.find(customerId).orElse(null);
        if (customer == null || customer.walkIn()) {
            throw InvalidInputException.field("customerId", "is not a customer of this business");
        }
        AddressView address = customer.addresses().stream().filter(AddressView::defaultDelivery).findFirst()
                .or(() -> customer.addresses().stream().findFirst())
                .orElseThrow(() -> InvalidInputException.field("address", "the customer has no delivery address"));
        String currency = tenants.current().currency();
        boolean includesVat = tenants.current().pricesIncludeVat();
        List<LineView> priced = pricer.price("lines", requests(lines), currency, includesVat);
        Totals totals = Pricing.totals(priced, Money.round(BigDecimal.ZERO, currency), currency, includesVat);
        return new Proposal(customer.id(), customer.name(), priced.stream()
                .map(l -> new PricedLine(l.variantId(), l.sku(), l.label(), l.quantity(), l.unitPrice(),
                        l.amount(includesVat, currency)))
                .toList(), totals.net(), totals.vat(), totals.gross(), currency,
                new DeliveryAddress(address.id(), text(address)));
    }

    /**
     * Places the order (created and confirmed, its stock reserved; 409 when a line is short of stock, nothing
     * done), delivered to the given address of the customer's, marked as the assistant's in the audit trail.
     */
    @Transactional
    public Drafted placeOrder(UUID customerId, UUID addressId, List<Line> lines, UUID conversationId) {
        permissions.require(Permission.ORDERS_WRITE);
        Orders.Created created = orders.create(new OrderRequest(customerId, null, addressId, null, requests(lines),
                null, null), Optional.empty());
        OrderView confirmed = orders.confirm(created.order().id());
        audit.record(Order.AUDITED, confirmed.id(), AUDIT_ACTION, null, mark(conversationId, confirmed.number()));
        return new Drafted(confirmed.id(), confirmed.number(), confirmed.status().name(), confirmed.totals().gross(),
                confirmed.currency());
    }

    /**
     * Marks an order of the online shop, placed by a shopper's "oui" in their conversation with the assistant on the
     * storefront, as the assistant's in the audit trail (the shopper placed it through the shop's checkout: no staff
     * permission is involved).
     */
    @Transactional
    public void markOnlineOrderDrafted(UUID orderId, String number, UUID conversationId) {
        audit.record(Order.AUDITED, orderId, AUDIT_ACTION, null, mark(conversationId, number));
    }

    private static Map<String, Object> mark(UUID conversationId, String number) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("draftedBy", "assistant");
        after.put("conversation", conversationId == null ? null : conversationId.toString());
        after.put("number", number);
        return after;
    }

    private static String text(AddressView a) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {a.line1(), a.line2(), join(a.postalCode(), a.city()), a.country()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return String.join(", ", parts);
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private static List<LineRequest> requests(List<Line> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> l == null ? null : new LineRequest(l.variantId(), l.quantity(), null, null)).toList();
    }
}
