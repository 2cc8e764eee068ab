package app.comptoir.payments.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentFailed;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSucceeded;
import app.comptoir.payments.domain.PaymentLifecycle;
import app.comptoir.payments.domain.PaymentRules;
import app.comptoir.payments.persistence.PaymentRow;
import app.comptoir.payments.persistence.PaymentStore;
import app.comptoir.payments.provider.CheckoutOrder;
import app.comptoir.payments.provider.PaymentProvider;
import app.comptoir.payments.provider.PaymentProviderException;
import app.comptoir.payments.provider.ProviderAccount;
import app.comptoir.payments.provider.ProviderCheckout;
import app.comptoir.payments.provider.ProviderEvent;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.TenantContext;

/**
 * Online payments through the business's provider: a checkout started (PENDING), then what the provider says
 * (from its webhook, or read back when asked) makes it SUCCEEDED ({@link PaymentSucceeded}), EXPIRED or FAILED
 * ({@link PaymentFailed}).
 *
 * <p>Starting a checkout takes three steps so that no retry ever makes a second checkout: (1) the pending payment
 * is stored with everything sent to the provider (amount, addresses, expiry), under the caller's idempotency key;
 * (2) the provider is called with an idempotency key derived from the payment's id, outside any transaction of
 * ours; (3) its checkout is attached to the payment. A retry after a failure in (2) finds the payment of (1) and
 * sends the very same request with the same key, which the provider answers with the same checkout.
 */
@Service
public class OnlinePayments {

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);

    private final PaymentStore store;
    private final ProviderAccounts accounts;
    private final Providers providers;
    private final PaymentsActor actor;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TenantContext tenantContext;

    OnlinePayments(PaymentStore store, ProviderAccounts accounts, Providers providers, PaymentsActor actor,
                   AuditRecorder audit, ApplicationEventPublisher events, Clock clock,
                   PlatformTransactionManager transactions, TenantContext tenantContext) {
        this.store = store;
        this.accounts = accounts;
        this.providers = providers;
        this.actor = actor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tenantContext = tenantContext;
    }

    /** Whether the business can take payments online. */
    public boolean available() {
        return accounts.active().isPresent();
    }

    /** Starts a checkout as staff sending a payment link (PAYMENTS_RECORD). */
    public OnlineCheckout sendLink(PaymentSubject subject, CheckoutRequest request, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_RECORD);
        return start(subject, request, idempotencyKey);
    }

    /**
     * Starts an online payment of a subject; no permission check (public pages call it under the business's
     * tenant). The same idempotency key answers the same checkout.
     */
    public OnlineCheckout start(PaymentSubject subject, CheckoutRequest request, String idempotencyKey) {
        UUID tenant = actor.tenant();
        ProviderAccounts.Active active = accounts.active().orElseThrow(() -> new ConflictException(
                "online-payment-unavailable", "This business has no online payment provider configured"));
        String key = idempotencyKey == null ? null : "checkout:" + idempotencyKey;
        PaymentRow payment = tx.execute(s -> pending(tenant, subject, request, key, active));
        if (payment.sessionId() != null) {
            return new OnlineCheckout(payment.id(), payment.checkoutUrl(), payment.expiresAt());
        }
        ProviderCheckout checkout;
        try {
            checkout = active.provider().createCheckout(active.account(), order(tenant, payment),
                    "comptoir-checkout-" + payment.id());
        } catch (PaymentProviderException e) {
            if (e.refused()) {
                tx.executeWithoutResult(s -> end(tenant, payment.id(), PaymentStatus.FAILED, "provider-refused"));
            }
            throw e;
        }
        tx.executeWithoutResult(s -> store.attachCheckout(tenant, payment.id(), checkout.sessionId(), checkout.url(),
                checkout.expiresAt() == null ? payment.expiresAt() : checkout.expiresAt(), clock.instant()));
        return new OnlineCheckout(payment.id(), checkout.url(),
                checkout.expiresAt() == null ? payment.expiresAt() : checkout.expiresAt());
    }

    /** Expires the subject's open checkouts; each one that ends gets a {@link PaymentFailed} ("cancelled"). */
    public void cancelPending(PaymentSubject subject) {
        UUID tenant = actor.tenant();
        List<PaymentRow> pending = tx.execute(s -> store.ofSubject(tenant, subject).stream()
                .filter(p -> p.status() == PaymentStatus.PENDING).toList());
        for (PaymentRow payment : pending) {
            Optional<ProviderCheckout> now = Optional.empty();
            if (payment.sessionId() != null) {
                PaymentProvider provider = provider(payment.provider());
                Optional<ProviderAccount> account = accounts.open(payment.provider());
                if (account.isPresent()) {
                    now = Optional.of(provider.expireCheckout(account.get(), payment.sessionId(),
                            "comptoir-expire-" + payment.id()));
                }
            }
            ProviderCheckout checkout = now.orElse(null);
            tx.executeWithoutResult(s -> {
                if (checkout != null && checkout.state() == ProviderCheckout.State.PAID) {
                    succeed(tenant, payment.id(), checkout.amountPaid(), null, checkout.providerPaymentId());
                } else {
                    end(tenant, payment.id(), PaymentStatus.EXPIRED, "cancelled");
                }
            });
        }
    }

    /**
     * Reads a pending payment's checkout back from the provider and applies what it says (a webhook that never
     * came); answers the payment's status afterwards.
     */
    public PaymentStatus refresh(UUID paymentId) {
        actor.require(Permission.PAYMENTS_RECORD);
        UUID tenant = actor.tenant();
        PaymentRow payment = tx.execute(s -> store.find(tenant, paymentId)
                .orElseThrow(() -> new NotFoundException("Payment", paymentId)));
        return readBack(tenant, payment);
    }

    /**
     * Reads back the business's online payments still pending {@link #SWEEP_GRACE} after their checkout expired
     * (their webhook never came), at most {@code limit}; answers how many changed. Run by
     * {@code PendingPaymentsJob} under the business's tenant; {@code now} is a parameter so that tests move it.
     */
    public int sweep(UUID tenant, Instant now, int limit) {
        return tenantContext.callAs(tenant, () -> {
            List<UUID> stale = tx.execute(s -> store.pendingBefore(tenant, now.minus(SWEEP_GRACE), limit));
            int changed = 0;
            for (UUID id : stale) {
                PaymentRow payment = tx.execute(s -> store.find(tenant, id).orElseThrow());
                try {
                    if (payment.sessionId() == null) {
                        // Stripe never answered the creation: nothing can be paid; the checkout is over.
                        tx.executeWithoutResult(s -> end(tenant, id, PaymentStatus.EXPIRED, "expired"));
                        changed++;
                    } else if (readBack(tenant, payment) != PaymentStatus.PENDING) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Pending payment {} of business {} could not be read back: {}", id, tenant, e.getMessage());
                }
            }
            return changed;
        });
    }

    /** How long after its expiry a pending checkout is read back (Stripe's own expiry event comes within minutes). */
    public static final java.time.Duration SWEEP_GRACE = java.time.Duration.ofMinutes(10);

    private PaymentStatus readBack(UUID tenant, PaymentRow payment) {
        UUID paymentId = payment.id();
        if (payment.sessionId() == null || payment.provider().equals(PaymentRow.ON_SITE)) {
            return payment.status();
        }
        ProviderAccount account = accounts.open(payment.provider()).orElseThrow(() -> new ConflictException(
                "online-payment-unavailable", "This business has no " + payment.provider() + " keys any more"));
        ProviderCheckout checkout = provider(payment.provider()).retrieveCheckout(account, payment.sessionId());
        return tx.execute(s -> {
            switch (checkout.state()) {
                case PAID -> succeed(tenant, paymentId, checkout.amountPaid(), null, checkout.providerPaymentId());
                case EXPIRED -> end(tenant, paymentId, PaymentStatus.EXPIRED, "expired");
                case FAILED -> end(tenant, paymentId, PaymentStatus.FAILED, "failed");
                case OPEN -> {
                    // still open: nothing to change
                }
            }
            return store.find(tenant, paymentId).orElseThrow().status();
        });
    }

    /**
     * Applies a verified provider event about a checkout, in the caller's transaction (the one that claimed the
     * event id); answers what it did: {@code applied}, {@code unchanged}, {@code unknown-payment} or {@code foreign}.
     */
    public String apply(String providerId, ProviderEvent event) {
        UUID tenant = actor.tenant();
        return switch (event) {
            case ProviderEvent.CheckoutPaid paid -> {
                if (paid.tenantId() != null && !paid.tenantId().equals(tenant)) {
                    yield "foreign";
                }
                Optional<UUID> id = payment(tenant, providerId, paid.paymentId(), paid.sessionId());
                yield id.map(p -> succeed(tenant, p, paid.amount(), paid.currency(), paid.providerPaymentId())
                        ? "applied" : "unchanged").orElse("unknown-payment");
            }
            case ProviderEvent.CheckoutEnded ended -> {
                if (ended.tenantId() != null && !ended.tenantId().equals(tenant)) {
                    yield "foreign";
                }
                Optional<UUID> id = payment(tenant, providerId, ended.paymentId(), ended.sessionId());
                yield id.map(p -> end(tenant, p, ended.status(), ended.reason()) ? "applied" : "unchanged")
                        .orElse("unknown-payment");
            }
            default -> "ignored";
        };
    }

    private PaymentRow pending(UUID tenant, PaymentSubject subject, CheckoutRequest request, String key,
                               ProviderAccounts.Active active) {
        String hash = request == null ? null : RequestHashes.of(subject.type(), subject.id(), request.amount(),
                request.description(), request.customerEmail(), request.successUrl(), request.cancelUrl());
        Optional<PaymentRow> existing = existing(tenant, key, hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        PaymentStore.Due due = store.lockDue(tenant, subject)
                .orElseThrow(() -> new NotFoundException("Payment subject", subject.type() + " " + subject.id()));
        existing = existing(tenant, key, hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        CheckoutRequest checked = PaymentRules.checkout(request, due.currency(), store.leftToPay(tenant, due), now,
                subject.type() == app.comptoir.payments.SubjectType.BOOKING ? "Rendez-vous" : "Commande");
        PaymentRow row = new PaymentRow(Ids.newId(), subject, active.provider().method(), active.provider().id(),
                PaymentStatus.PENDING, checked.amount(), due.currency(), null, null, null, null, null,
                checked.description(), checked.customerEmail(), checked.successUrl(), checked.cancelUrl(),
                checked.expiresAt(), null, null, active.account().testMode(), key, hash, now, actor.userId(),
                BigDecimal.ZERO);
        try {
            store.insert(tenant, row, actor.userId());
        } catch (DuplicateKeyException e) {
            throw IdempotencyKeys.reused("This Idempotency-Key");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", subject.type().name() + " " + subject.id());
        after.put("method", row.method().name());
        after.put("provider", row.provider());
        after.put("amount", row.amount().toPlainString());
        after.put("status", row.status().name());
        audit.record("payment", row.id(), "CREATE", null, after);
        return row;
    }

    private Optional<PaymentRow> existing(UUID tenant, String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        return store.byKey(tenant, key).map(existing -> {
            if (!IdempotencyKeys.sameRequest(existing.requestHash(), hash)) {
                throw IdempotencyKeys.reused("This Idempotency-Key");
            }
            if (existing.status() == PaymentStatus.FAILED || existing.status() == PaymentStatus.EXPIRED) {
                throw new ConflictException("checkout-ended", "The checkout of this Idempotency-Key ended ("
                        + existing.status() + "); start another one with a new key");
            }
            return existing;
        });
    }

    private CheckoutOrder order(UUID tenant, PaymentRow p) {
        return new CheckoutOrder(tenant, p.id(), p.subject(), p.amount(), p.currency(), p.description(),
                p.customerEmail(), p.successUrl(), p.cancelUrl(), p.expiresAt());
    }

    private Optional<UUID> payment(UUID tenant, String providerId, UUID paymentId, String sessionId) {
        if (paymentId != null && store.find(tenant, paymentId).filter(p -> p.provider().equals(providerId)).isPresent()) {
            return Optional.of(paymentId);
        }
        return sessionId == null ? Optional.empty() : store.bySession(tenant, providerId, sessionId);
    }

    /** Moves a payment to SUCCEEDED (once) with the amount the provider took; false when it already was. */
    private boolean succeed(UUID tenant, UUID id, BigDecimal amount, String currency, String providerPaymentId) {
        PaymentRow payment = store.lock(tenant, id).orElseThrow();
        if (!PaymentLifecycle.moves(payment.status(), PaymentStatus.SUCCEEDED)) {
            if (providerPaymentId != null && payment.providerPaymentId() == null) {
                store.rememberProviderPayment(tenant, id, providerPaymentId);
            }
            return false;
        }
        BigDecimal received = payment.amount();
        if (amount != null && (currency == null || currency.equals(payment.currency())) && amount.signum() > 0) {
            if (amount.compareTo(payment.amount()) != 0) {
                log.warn("Payment {} asked {} {} but the provider took {}", id, payment.amount(), payment.currency(), amount);
            }
            received = amount;
        }
        Instant now = clock.instant();
        store.succeed(tenant, id, received, providerPaymentId, now, now);
        audit.record("payment", id, "UPDATE", Map.of("status", payment.status().name()),
                Map.of("status", PaymentStatus.SUCCEEDED.name(), "amount", received.toPlainString()));
        events.publishEvent(new PaymentSucceeded(tenant, id, payment.subject(), received, payment.currency(),
                payment.method()));
        return true;
    }

    /** Ends a payment (EXPIRED or FAILED) when it is still pending; false when it already ended or succeeded. */
    private boolean end(UUID tenant, UUID id, PaymentStatus status, String reason) {
        PaymentRow payment = store.lock(tenant, id).orElseThrow();
        if (payment.status() != PaymentStatus.PENDING || !PaymentLifecycle.moves(payment.status(), status)) {
            return false;
        }
        store.end(tenant, id, status, reason, clock.instant());
        audit.record("payment", id, "UPDATE", Map.of("status", payment.status().name()),
                Map.of("status", status.name(), "reason", reason));
        events.publishEvent(new PaymentFailed(tenant, id, payment.subject(), reason));
        return true;
    }

    private PaymentProvider provider(String id) {
        return providers.find(id).orElseThrow(() -> new NotFoundException("Payment provider", id));
    }
}
