package app.comptoir.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.platform.Money;
import app.comptoir.sales.application.AddressRequest;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.LinePricer;
import app.comptoir.sales.application.LineRequest;
import app.comptoir.sales.application.OrderPayments;
import app.comptoir.sales.application.OrderRequest;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.OrderPayment;
import app.comptoir.sales.domain.Pricing;
import app.comptoir.sales.domain.Totals;
import app.comptoir.sales.persistence.OrderRepository;

/**
 * Orders placed by a business's customers themselves, in its online shop: priced and placed through sales' own use
 * cases ({@link Orders#create} then {@link Orders#confirm}, the same rules as the office's), by the system actor (a
 * shopper is not a staff user), for the customer of the signed-in shopper only (the caller passes the shopper's own
 * customer id, never one from the request), marked with the source {@value #SOURCE}.
 *
 * <p>{@link #place} creates and confirms in one transaction: the confirmation reserves every line's stock through
 * inventory's guarded statements, and a line short of stock throws
 * {@link app.comptoir.inventory.InsufficientStockException} (naming each short line), which rolls the whole order
 * back: no order, no reservation, nothing half-done. The caller runs it under the shop's tenant.
 */
@Service
public class OnlineOrders {

    /** The source of an order placed in the online shop (the office's orders are {@code BACK_OFFICE}). */
    public static final String SOURCE = "ONLINE_SHOP";

    /** A line to buy: a variant of the catalog and how many. */
    public record Line(UUID variantId, int quantity) {
    }

    /** A delivery address as the customer gives it. */
    public record Address(String label, String line1, String line2, String postalCode, String city, String country,
                          String phone, String instructions) {
    }

    /** One of the customer's saved addresses. */
    public record SavedAddress(UUID id, Address address, boolean defaultDelivery) {
    }

    /** A priced line: the unit price and amount in the business's price mode ({@code pricesIncludeVat}). */
    public record PricedLine(UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice,
                             BigDecimal amount, BigDecimal vatRate) {
    }

    /** Lines and a delivery fee priced as an order would be: the lines' total, the fee, net, VAT and gross. */
    public record Priced(List<PricedLine> lines, BigDecimal linesTotal, BigDecimal deliveryFee, BigDecimal net,
                         BigDecimal vat, BigDecimal gross, String currency, boolean pricesIncludeVat) {
    }

    /** An online order: its number, status, content, totals and payment; {@code isNew} false for a replay. */
    public record Placed(UUID id, String number, OrderStatus status, Priced priced, Address address,
                         Instant createdAt, boolean isNew, boolean paid, BigDecimal toCollect) {
    }

    private final Orders orders;
    private final OrderPayments payments;
    private final LinePricer pricer;
    private final Customers customers;
    private final Tenants tenants;
    private final OrderRepository repository;

    OnlineOrders(Orders orders, OrderPayments payments, LinePricer pricer, Customers customers, Tenants tenants,
                 OrderRepository repository) {
        this.orders = orders;
        this.payments = payments;
        this.pricer = pricer;
        this.customers = customers;
        this.tenants = tenants;
        this.repository = repository;
    }

    /**
     * Prices sellable lines and a delivery fee (in the business's price mode) with the order's own rules: what the
     * order placed with them would total. A variant not for sale is a 400 naming its line.
     */
    @Transactional(readOnly = true)
    public Priced price(List<Line> lines, BigDecimal deliveryFee) {
        String currency = tenants.current().currency();
        boolean includesVat = tenants.current().pricesIncludeVat();
        List<LineView> priced = pricer.price("lines", requests(lines), currency, includesVat);
        BigDecimal fee = Money.round(deliveryFee == null ? BigDecimal.ZERO : deliveryFee, currency);
        return priced(priced, fee, Pricing.totals(priced, fee, currency, includesVat), currency, includesVat);
    }

    /**
     * Creates the customer's order and confirms it (its stock reserved), in one transaction, by the system actor,
     * source {@value #SOURCE}. With an idempotency key already used by the same request, answers the order placed
     * then ({@code isNew} false) and does nothing; with another request, 422 {@code idempotency-key-reused}. Two
     * requests racing with one new key: the second fails with a {@code DuplicateKeyException}, answered by
     * {@link #replay} in a new transaction.
     */
    @Transactional
    public Placed place(UUID customerId, UUID deliveryAddressId, Address address, List<Line> lines,
                        BigDecimal deliveryFee, String notes, String idempotencyKey, String requestHash) {
        if (customerId == null) {
            throw new IllegalArgumentException("An online order needs the shopper's customer");
        }
        OrderRequest request = new OrderRequest(customerId, null, deliveryAddressId,
                address == null ? null : new AddressRequest(address.label(), address.line1(), address.line2(),
                        address.postalCode(), address.city(), address.country(), address.phone(),
                        address.instructions(), null, null),
                requests(lines), deliveryFee, notes);
        Orders.Created created = orders.create(request, Optional.ofNullable(idempotencyKey), requestHash, SOURCE);
        if (!created.isNew()) {
            return placed(created.order(), false);
        }
        OrderView confirmed = orders.confirm(created.order().id());
        return placed(confirmed, true);
    }

    /** The order placed earlier with this key by the same request, if any (see {@link #place}). */
    @Transactional(readOnly = true)
    public Optional<Placed> replay(String idempotencyKey, String requestHash) {
        return orders.replay(idempotencyKey, requestHash).map(o -> placed(o, false));
    }

    /** The customer's own online or office order (another customer's: empty, as if it did not exist). */
    @Transactional(readOnly = true)
    public Optional<Placed> ofCustomer(UUID customerId, UUID orderId) {
        if (customerId == null || orderId == null) {
            return Optional.empty();
        }
        return orders.find(orderId).filter(o -> customerId.equals(o.customer().id())).map(o -> placed(o, false));
    }

    /** Whether the order was placed in the online shop. */
    @Transactional(readOnly = true)
    public boolean isOnline(UUID orderId) {
        return repository.source(tenantId(), orderId).map(SOURCE::equals).orElse(false);
    }

    /** The customer's saved addresses, the default delivery address first. */
    @Transactional(readOnly = true)
    public List<SavedAddress> addresses(UUID customerId) {
        return customers.find(customerId).map(c -> c.addresses().stream()
                .sorted((a, b) -> Boolean.compare(b.defaultDelivery(), a.defaultDelivery()))
                .map(a -> new SavedAddress(a.id(), new Address(a.label(), a.line1(), a.line2(), a.postalCode(),
                        a.city(), a.country(), a.phone(), a.instructions()), a.defaultDelivery()))
                .toList()).orElse(List.of());
    }

    /**
     * Starts the online payment of what is left to pay on the order (the provider's page, the way the office sends a
     * payment link): 409 {@code online-payment-unavailable} without provider keys. Outside any transaction.
     */
    public OnlineCheckout startPayment(UUID orderId, String customerEmail, String returnUrl, String idempotencyKey) {
        return payments.sendLink(orderId, new OrderPayments.LinkRequest(null, customerEmail, null, returnUrl),
                idempotencyKey);
    }

    /** The idempotency key of a shopper's request, apart from the office's keys and other shoppers'. */
    public static String shopperKey(UUID shopperId, String key) {
        return "shop-" + UUID.nameUUIDFromBytes((shopperId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private UUID tenantId() {
        return tenants.current().id();
    }

    private static List<LineRequest> requests(List<Line> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> l == null ? null : new LineRequest(l.variantId(), l.quantity(), null, null)).toList();
    }

    private static Priced priced(List<LineView> lines, BigDecimal fee, Totals totals, String currency,
                                 boolean includesVat) {
        List<PricedLine> priced = lines.stream().map(l -> new PricedLine(l.variantId(), l.sku(), l.label(),
                l.quantity(), l.unitPrice(), l.amount(includesVat, currency), l.vatRate())).toList();
        BigDecimal linesTotal = priced.stream().map(PricedLine::amount).reduce(Money.zero(currency).amount(),
                BigDecimal::add);
        return new Priced(priced, linesTotal, fee, totals.net(), totals.vat(), totals.gross(), currency, includesVat);
    }

    private static Placed placed(OrderView o, boolean isNew) {
        AddressSnapshot a = o.deliveryAddress();
        Address address = a == null ? null : new Address(a.label(), a.line1(), a.line2(), a.postalCode(), a.city(),
                a.country(), a.phone(), a.instructions());
        OrderPayment payment = o.payment();
        return new Placed(o.id(), o.number(), o.status(),
                priced(o.lines(), o.deliveryFee(), o.totals(), o.currency(), o.pricesIncludeVat()), address,
                o.createdAt(), isNew, payment != null && payment.settled(),
                payment == null ? o.totals().gross() : payment.toCollect());
    }
}
