package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.Payments;
import app.comptoir.payments.RefundView;
import app.comptoir.payments.SubjectType;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.ReturnRecorded;
import app.comptoir.sales.domain.Decision;
import app.comptoir.sales.domain.DriversCollectOnDelivery;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.domain.OrderDue;
import app.comptoir.sales.domain.OrderPayment;
import app.comptoir.sales.persistence.OrderRepository;
import app.comptoir.sales.persistence.OrderSummary;

/**
 * The payment of orders, through the payments module's published API ({@link Payments}): what each order owes
 * (told to payments in the transaction that changes it), each order's {@link OrderPayment} for the pages and the
 * API, and the acts on it: a payment received on site ({@link #record}: the office with PAYMENTS_RECORD, or the
 * driver of the order collecting at the door under {@link DriversCollectOnDelivery}), an online payment link
 * ({@link #sendLink}), a refund ({@link #refund}, PAYMENTS_REFUND), and two reactions after the commit: a return
 * gives back what was paid beyond what the order now owes, a cancellation closes the order's open payment links.
 *
 * <p>An order confirmed before payments existed was never expected: it shows as owing its total
 * ({@link OrderPayment#of}), and the first act on its payment tells payments so first ({@link #expectOwed}), in
 * the act's transaction.
 */
@Service
public class OrderPayments {

    /** The listener ids in the event publication registry (stable across renames). */
    public static final String ON_RETURN = "sales.refund-for-return";
    public static final String ON_CANCEL = "sales.close-links-of-cancelled-order";

    private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

    /** A payment recorded on an order, and where the order now stands. */
    public record Recorded(PaymentView payment, OrderPayment order) {
    }

    /**
     * An online payment link to make: the amount (what is left to collect when null), the customer's e-mail (the
     * customer's own when null), until when the link works (an hour when null), and where the customer comes back.
     */
    public record LinkRequest(BigDecimal amount, String customerEmail, Instant expiresAt, String returnUrl) {
    }

    /** An order's payments: where it stands and every payment made on it, newest first. */
    public record Statement(UUID orderId, String number, String currency, OrderStatus status, OrderPayment payment,
                            List<PaymentView> payments, boolean onlineAvailable) {

        /** Whether an online payment of the order is waiting for the provider's answer. */
        public boolean pending() {
            return payments.stream().anyMatch(p -> p.status() == PaymentStatus.PENDING);
        }
    }

    /**
     * What the customer sees when they come back from the payment page: the business, the order's number, whether
     * it is paid, and whether a payment is still waiting for the provider's word.
     */
    public record Receipt(String business, String number, String currency, OrderPayment payment, boolean pending) {
    }

    private final OrderRepository repository;
    private final SalesActor actor;
    private final Payments payments;
    private final Tenants tenants;
    private final Customers customers;
    private final TenantContext tenantContext;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    OrderPayments(OrderRepository repository, SalesActor actor, Payments payments, Tenants tenants,
                  Customers customers, TenantContext tenantContext, MessageSource messages,
                  PlatformTransactionManager transactions) {
        this.repository = repository;
        this.actor = actor;
        this.payments = payments;
        this.tenants = tenants;
        this.customers = customers;
        this.tenantContext = tenantContext;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- what is due

    /**
     * Tells payments what the order owes now ({@link OrderDue}; nothing for a draft), in the caller's transaction:
     * at confirmation, cancellation and returns.
     */
    public void expect(Order order) {
        OrderDue.of(order.status(), order.totals().gross(), order.refunded()).ifPresent(due ->
                payments.expect(PaymentSubject.order(order.id()), due, order.currency()));
    }

    /**
     * Tells payments what an order owes when payments never heard of it (an order confirmed before payments
     * existed), before a payment, a link or a refund; a no-op for an order it knows.
     */
    private void expectOwed(Order order) {
        PaymentSummary summary = payments.summary(PaymentSubject.order(order.id()));
        if (OrderPayment.neverExpected(summary)) {
            expect(order);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * The payment of one order (one statement; none for a draft, which owes nothing and on which nothing can be paid:
     * payments takes money only on what it was told is due).
     */
    public OrderPayment of(UUID orderId, OrderStatus status, BigDecimal gross, BigDecimal credited, String currency) {
        if (status == OrderStatus.DRAFT) {
            return OrderPayment.nothing(currency);
        }
        return OrderPayment.of(payments.summary(PaymentSubject.order(orderId)), status, gross, credited);
    }

    /** The payments of a page of orders, in one statement whatever the page's size. */
    public Map<UUID, OrderPayment> of(Collection<OrderSummary> orders) {
        Map<UUID, OrderPayment> result = new LinkedHashMap<>();
        if (orders.isEmpty()) {
            return result;
        }
        Map<UUID, PaymentSummary> summaries = payments.summaries(SubjectType.ORDER,
                orders.stream().map(OrderSummary::id).toList());
        for (OrderSummary o : orders) {
            PaymentSummary summary = summaries.get(o.id());
            if (summary != null) {
                result.put(o.id(), OrderPayment.of(summary, o.status(), o.gross(), o.refunded()));
            }
        }
        return result;
    }

    /** An order's payments (a driver: only their own orders'). */
    public Statement statement(UUID orderId) {
        return tx.execute(s -> {
            Order order = find(orderId);
            PaymentSubject subject = PaymentSubject.order(order.id());
            return new Statement(order.id(), order.number(), order.currency(), order.status(),
                    OrderPayment.of(payments.summary(subject), order.status(), order.totals().gross(), order.refunded()),
                    payments.history(subject), payments.onlineAvailable());
        });
    }

    /** The payments of an order already read through {@link Orders} (so visible to the reader). */
    public Statement statement(OrderView order) {
        return new Statement(order.id(), order.number(), order.currency(), order.status(), order.payment(),
                payments.history(PaymentSubject.order(order.id())), payments.onlineAvailable());
    }

    /**
     * The receipt of an order for the public page the payment provider sends the customer back to, under the
     * business's tenant ({@code TenantContext.callAs}); empty when the business has no such order.
     */
    public Optional<Receipt> receipt(UUID orderId) {
        return tx.execute(s -> repository.find(actor.tenant(), OrderRepository.Key.ID, orderId, Optional.empty())
                .map(order -> {
                    PaymentSubject subject = PaymentSubject.order(order.id());
                    OrderPayment payment = OrderPayment.of(payments.summary(subject), order.status(),
                            order.totals().gross(), order.refunded());
                    boolean pending = payments.history(subject).stream()
                            .anyMatch(p -> p.status() == PaymentStatus.PENDING);
                    return new Receipt(tenants.current().name(), order.number(), order.currency(), payment, pending);
                }));
    }

    // ---------------------------------------------------------------- acts

    /**
     * Records a payment received on site: by the office (PAYMENTS_RECORD: any method, any order past its draft), or
     * by the driver of the order at the door ({@link DriversCollectOnDelivery}: cash or card terminal, out for
     * delivery or delivered). At most what is left to collect (400 naming {@code amount}); with an idempotency key,
     * a retry answers the first payment.
     */
    public Recorded record(UUID orderId, OnSitePayment payment, String idempotencyKey) {
        boolean office = actor.may(Permission.PAYMENTS_RECORD);
        if (!office && !actor.may(Permission.DELIVERIES)) {
            throw new AccessDeniedException("Your role does not allow recording payments");
        }
        return tx.execute(s -> {
            Order order = lock(orderId);
            return collect(order, payment, idempotencyKey, office);
        });
    }

    /**
     * What the customer paid at the door, recorded with the delivery of the order (in its transaction, so that a
     * refused payment leaves the order out for delivery): see {@link #record}.
     */
    Recorded collectOnDelivery(Order order, OnSitePayment payment, String idempotencyKey) {
        return collect(order, payment, idempotencyKey, actor.may(Permission.PAYMENTS_RECORD));
    }

    private Recorded collect(Order order, OnSitePayment payment, String idempotencyKey, boolean office) {
        if (!office) {
            Decision collecting = DriversCollectOnDelivery.collect(actor.userId(), order.driverId(), order.status(),
                    payment == null ? null : payment.method());
            if (!collecting.allowed() && "forbidden".equals(collecting.problem())) {
                throw new AccessDeniedException(collecting.reason());
            }
            collecting.orConflict();
        }
        requireOwing(order);
        expectOwed(order);
        PaymentSubject subject = PaymentSubject.order(order.id());
        PaymentView recorded = office ? payments.recordOnSite(subject, payment, idempotencyKey)
                : payments.recordCollected(subject, payment, idempotencyKey);
        return new Recorded(recorded, OrderPayment.of(payments.summary(subject), order.status(),
                order.totals().gross(), order.refunded()));
    }

    /**
     * Makes an online payment link (a Stripe Checkout page) for what is left to collect on a confirmed order
     * (PAYMENTS_RECORD): 409 {@code online-payment-unavailable} when the business has no provider keys, 409
     * {@code order-not-payable} for a draft or a cancelled order, 409 {@code order-paid} when nothing is left. The
     * customer pays on the provider's page; its webhook marks the payment succeeded.
     */
    public OnlineCheckout sendLink(UUID orderId, LinkRequest request, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_RECORD);
        if (!payments.onlineAvailable()) {
            throw new ConflictException("online-payment-unavailable",
                    "This business has no online payment provider configured (Paramètres → Paiements)");
        }
        LinkRequest r = request == null ? new LinkRequest(null, null, null, null) : request;
        CheckoutRequest checkout = tx.execute(s -> {
            Order order = lock(orderId);
            if (order.status() == OrderStatus.CANCELLED) {
                throw new ConflictException("order-not-payable", "Order " + order.number() + " is cancelled");
            }
            requireOwing(order);
            expectOwed(order);
            OrderPayment now = OrderPayment.of(payments.summary(PaymentSubject.order(order.id())), order.status(),
                    order.totals().gross(), order.refunded());
            if (now.toCollect().signum() == 0) {
                throw new ConflictException("order-paid", "Nothing is left to pay on order " + order.number());
            }
            String email = r.customerEmail();
            if ((email == null || email.isBlank()) && order.customer().id() != null) {
                email = customers.find(order.customer().id()).map(c -> c.email()).orElse(null);
            }
            TenantProfile business = tenants.current();
            Locale locale = Locale.forLanguageTag(business.locale() == null ? "fr" : business.locale());
            String description = messages.getMessage("sales.payment.linkDescription",
                    new Object[] {order.number(), business.name()}, "Order " + order.number(), locale);
            return new CheckoutRequest(r.amount() == null ? now.toCollect() : r.amount(), description,
                    email == null || email.isBlank() ? null : email.strip(), r.returnUrl(),
                    r.returnUrl() == null ? null : r.returnUrl() + "?cancelled", r.expiresAt());
        });
        // Outside any transaction: payments calls the provider and stores its answer in its own transactions.
        return payments.startCheckout(PaymentSubject.order(orderId), checkout, idempotencyKey);
    }

    /**
     * Gives back part or all of what was paid on an order (PAYMENTS_REFUND): online payments through their provider,
     * on-site ones recorded as given back; never more than what was paid and kept (400 naming {@code amount}).
     */
    public RefundView refund(UUID orderId, BigDecimal amount, String reason, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_REFUND);
        tx.executeWithoutResult(s -> expectOwed(find(orderId)));
        return payments.refund(PaymentSubject.order(orderId), amount, reason, idempotencyKey);
    }

    // ---------------------------------------------------------------- reactions

    /**
     * A return credited the customer: what they paid beyond what the order now owes (at most the return's credit)
     * is given back, online payments through their provider, on-site ones as cash given back. Once per return (its
     * id is the refund's idempotency key); nothing when nothing was paid, or not more than is now owed.
     */
    @ApplicationModuleListener(id = ON_RETURN, propagation = Propagation.NOT_SUPPORTED)
    void on(ReturnRecorded event) {
        tenantContext.runAs(event.tenantId(), () -> {
            PaymentSubject subject = PaymentSubject.order(event.orderId());
            PaymentSummary summary = payments.summary(subject);
            BigDecimal overpaid = summary.net().subtract(summary.due()).max(BigDecimal.ZERO);
            BigDecimal amount = event.refund() == null ? overpaid : overpaid.min(event.refund());
            if (amount.signum() <= 0) {
                return;
            }
            String reason = event.reason() == null || event.reason().isBlank()
                    ? messages.getMessage("sales.payment.returnRefund", new Object[] {event.number()},
                            "Return " + event.number(), locale())
                    : messages.getMessage("sales.payment.returnRefundWhy", new Object[] {event.number(),
                            event.reason()}, "Return " + event.number(), locale());
            RefundView refund = payments.grantRefund(subject, amount, reason, "return-" + event.returnId());
            log.info("Return {} of order {}: {} {} refunded", event.returnId(), event.number(), refund.amount(),
                    refund.currency());
        });
    }

    /** A cancelled order's open payment links are closed (a customer can no longer pay it online). */
    @ApplicationModuleListener(id = ON_CANCEL, propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled event) {
        tenantContext.runAs(event.tenantId(), () -> payments.cancelPending(PaymentSubject.order(event.orderId())));
    }

    // ---------------------------------------------------------------- internals

    /** A draft owes nothing yet: nothing can be paid on it. */
    private static void requireOwing(Order order) {
        if (order.status() == OrderStatus.DRAFT) {
            throw new ConflictException("order-not-payable",
                    "Order " + order.number() + " is a draft: it owes nothing before it is confirmed");
        }
    }

    private Order lock(UUID id) {
        Optional<UUID> driver = actor.restrictedDriver();
        return repository.lock(actor.tenant(), id, driver).orElseThrow(() -> new NotFoundException("Order", id));
    }

    private Order find(UUID id) {
        return repository.find(actor.tenant(), OrderRepository.Key.ID, id, actor.restrictedDriver())
                .orElseThrow(() -> new NotFoundException("Order", id));
    }

    private Locale locale() {
        String tag = tenants.current().locale();
        return Locale.forLanguageTag(tag == null ? "fr" : tag);
    }
}
