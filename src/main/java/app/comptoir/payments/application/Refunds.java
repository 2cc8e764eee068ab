package app.comptoir.payments.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.payments.PaymentRefunded;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.RefundStatus;
import app.comptoir.payments.RefundView;
import app.comptoir.payments.domain.PaymentRules;
import app.comptoir.payments.domain.RefundAllocation;
import app.comptoir.payments.persistence.PaymentRow;
import app.comptoir.payments.persistence.PaymentStore;
import app.comptoir.payments.persistence.RefundRow;
import app.comptoir.payments.persistence.RefundStore;
import app.comptoir.payments.provider.PaymentProvider;
import app.comptoir.payments.provider.PaymentProviderException;
import app.comptoir.payments.provider.ProviderAccount;
import app.comptoir.payments.provider.ProviderEvent;
import app.comptoir.payments.provider.ProviderRefund;
import app.comptoir.payments.provider.RefundOrder;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * Money given back on a subject: never more than what was paid and kept, taken from its payments most recent first
 * ({@link RefundAllocation}); an on-site payment's part is recorded as given back at once, an online payment's part
 * is asked of its provider (PENDING until the provider says it succeeded). Each part is announced with
 * {@link PaymentRefunded}.
 *
 * <p>Like a checkout, a refund is stored before the provider is called, and the provider is called with an
 * idempotency key derived from the stored part: a retried request (same Idempotency-Key) finds the parts and only
 * repeats the provider calls that did not get an answer, which the provider answers with the same refund.
 */
@Service
public class Refunds {

    private final PaymentStore payments;
    private final RefundStore refunds;
    private final ProviderAccounts accounts;
    private final Providers providers;
    private final PaymentsActor actor;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    Refunds(PaymentStore payments, RefundStore refunds, ProviderAccounts accounts, Providers providers,
            PaymentsActor actor, AuditRecorder audit, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions) {
        this.payments = payments;
        this.refunds = refunds;
        this.accounts = accounts;
        this.providers = providers;
        this.actor = actor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A refund, and whether it answers a retried request ({@code replayed}). */
    public record Refunded(RefundView refund, boolean replayed) {
    }

    /** Refunds part or all of what was paid on a subject (PAYMENTS_REFUND). */
    public Refunded refund(PaymentSubject subject, BigDecimal amount, String reason, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_REFUND);
        return grant(subject, amount, reason, idempotencyKey);
    }

    /** The same, for a use case that decided the refund under its own rule (no permission check). */
    public Refunded grant(PaymentSubject subject, BigDecimal amount, String reason, String idempotencyKey) {
        UUID tenant = actor.tenant();
        UUID requestId = idempotencyKey == null ? Ids.newId() : UUID.nameUUIDFromBytes(
                (tenant + ":refund:" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = RequestHashes.of(subject.type(), subject.id(), amount, reason);
        boolean[] replayed = {false};
        List<RefundRow> parts = tx.execute(s -> {
            List<RefundRow> existing = existing(tenant, requestId, subject, hash);
            if (!existing.isEmpty()) {
                replayed[0] = true;
                return existing;
            }
            PaymentStore.Due due = payments.lockDue(tenant, subject)
                    .orElseThrow(() -> new NotFoundException("Payment subject", subject.type() + " " + subject.id()));
            existing = existing(tenant, requestId, subject, hash);
            if (!existing.isEmpty()) {
                replayed[0] = true;
                return existing;
            }
            return record(tenant, requestId, subject, due, amount, reason, hash);
        });
        List<PaymentProviderException> failures = new ArrayList<>();
        for (RefundRow part : parts) {
            if (part.method().online() && part.status() == RefundStatus.PENDING && part.providerRefundId() == null) {
                try {
                    askProvider(tenant, part);
                } catch (PaymentProviderException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        return new Refunded(view(tenant, requestId, subject), replayed[0]);
    }

    /**
     * Applies a refund the provider reports (one we asked for, or one made from its dashboard), in the caller's
     * transaction; answers {@code applied}, {@code unchanged} or {@code unknown-payment}.
     */
    public String apply(String providerId, ProviderEvent.RefundChange change) {
        UUID tenant = actor.tenant();
        if (change.tenantId() != null && !change.tenantId().equals(tenant)) {
            return "foreign";
        }
        Optional<RefundRow> known = change.providerRefundId() == null ? Optional.empty()
                : refunds.byProviderRefund(tenant, change.providerRefundId());
        if (known.isEmpty() && change.refundId() != null) {
            known = refunds.find(tenant, change.refundId());
        }
        Instant now = clock.instant();
        if (known.isPresent()) {
            RefundRow refund = refunds.lock(tenant, known.get().id()).orElseThrow();
            if (refund.status() == change.status() && change.providerRefundId() != null
                    && change.providerRefundId().equals(refund.providerRefundId())) {
                return "unchanged";
            }
            refunds.update(tenant, refund.id(), change.providerRefundId(), change.status(), now);
            if (refund.providerRefundId() == null && change.status() != RefundStatus.FAILED) {
                // The provider's answer to our request came here first: announce the refund now (once).
                PaymentRow payment = payments.find(tenant, refund.paymentId()).orElseThrow();
                events.publishEvent(new PaymentRefunded(tenant, payment.id(), payment.subject(), refund.amount(),
                        refund.currency()));
            }
            if (refund.status() != change.status()) {
                audit.record("payment_refund", refund.id(), "UPDATE", Map.of("status", refund.status().name()),
                        Map.of("status", change.status().name()));
            }
            return "applied";
        }
        if (change.providerPaymentId() == null || change.amount() == null || change.amount().signum() <= 0) {
            return "unknown-payment";
        }
        Optional<UUID> paymentId = payments.byProviderPayment(tenant, providerId, change.providerPaymentId());
        if (paymentId.isEmpty()) {
            return "unknown-payment";
        }
        PaymentRow payment = payments.find(tenant, paymentId.get()).orElseThrow();
        payments.lockDue(tenant, payment.subject());
        RefundRow row = new RefundRow(Ids.newId(), payment.id(), Ids.newId(), payment.method(), payment.provider(),
                payment.providerPaymentId(), change.amount(), payment.currency(), change.status(),
                "Remboursé depuis " + providerId, change.providerRefundId(), null, now);
        refunds.insert(tenant, row, null, now);
        audit.record("payment_refund", row.id(), "CREATE", null, Map.of("payment", payment.id().toString(),
                "amount", row.amount().toPlainString(), "status", row.status().name(), "origin", providerId));
        if (row.status() != RefundStatus.FAILED) {
            events.publishEvent(new PaymentRefunded(tenant, payment.id(), payment.subject(), row.amount(),
                    row.currency()));
        }
        return "applied";
    }

    private List<RefundRow> existing(UUID tenant, UUID requestId, PaymentSubject subject, String hash) {
        List<RefundRow> existing = refunds.ofRequest(tenant, requestId);
        if (!existing.isEmpty() && !IdempotencyKeys.sameRequest(existing.getFirst().requestHash(), hash)) {
            throw IdempotencyKeys.reused("This Idempotency-Key");
        }
        return existing;
    }

    private List<RefundRow> record(UUID tenant, UUID requestId, PaymentSubject subject, PaymentStore.Due due,
                                   BigDecimal amount, String reason, String hash) {
        List<PaymentRow> paid = payments.ofSubject(tenant, subject).stream()
                .filter(p -> p.status() == PaymentStatus.SUCCEEDED).toList();
        BigDecimal refundable = paid.stream().map(PaymentRow::refundable).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal checked = PaymentRules.refund(amount, reason, due.currency(), refundable);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<RefundAllocation.Part> split = RefundAllocation.split(checked, paid.stream()
                .map(p -> new RefundAllocation.Refundable(p.id(), p.method(), p.refundable(), p.paidAt())).toList());
        Instant now = clock.instant();
        Map<UUID, PaymentRow> byId = new LinkedHashMap<>();
        paid.forEach(p -> byId.put(p.id(), p));
        List<RefundRow> parts = new ArrayList<>();
        for (RefundAllocation.Part part : split) {
            PaymentRow payment = byId.get(part.paymentId());
            boolean online = part.method().online();
            RefundRow row = new RefundRow(Ids.newId(), payment.id(), requestId, payment.method(), payment.provider(),
                    payment.providerPaymentId(), part.amount(), payment.currency(),
                    online ? RefundStatus.PENDING : RefundStatus.SUCCEEDED, why, null, hash, now);
            refunds.insert(tenant, row, actor.userId(), now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("payment", payment.id().toString());
            after.put("amount", part.amount().toPlainString());
            after.put("status", row.status().name());
            after.put("reason", why);
            audit.record("payment_refund", row.id(), "CREATE", null, after);
            if (!online) {
                events.publishEvent(new PaymentRefunded(tenant, payment.id(), payment.subject(), part.amount(),
                        payment.currency()));
            }
            parts.add(row);
        }
        return parts;
    }

    /** Asks the provider for one online part and records its answer (a refusal makes the part FAILED). */
    private void askProvider(UUID tenant, RefundRow part) {
        PaymentProvider provider = providers.find(part.provider())
                .orElseThrow(() -> new NotFoundException("Payment provider", part.provider()));
        ProviderAccount account = accounts.open(part.provider()).orElseThrow(() -> new ConflictException(
                "online-payment-unavailable", "This business has no " + part.provider() + " keys to refund with"));
        PaymentRow payment = tx.execute(s -> payments.find(tenant, part.paymentId()).orElseThrow());
        String providerPaymentId = payment.providerPaymentId();
        if (providerPaymentId == null && payment.sessionId() != null) {
            providerPaymentId = provider.retrieveCheckout(account, payment.sessionId()).providerPaymentId();
            String learnt = providerPaymentId;
            if (learnt != null) {
                tx.executeWithoutResult(s -> payments.rememberProviderPayment(tenant, payment.id(), learnt));
            }
        }
        if (providerPaymentId == null) {
            tx.executeWithoutResult(s -> refunds.update(tenant, part.id(), null, RefundStatus.FAILED, clock.instant()));
            throw new PaymentProviderException("The provider's payment of " + payment.id() + " is not known", true);
        }
        ProviderRefund answer;
        try {
            answer = provider.refund(account, new RefundOrder(tenant, part.id(), payment.id(), providerPaymentId,
                    part.amount(), part.currency(), part.reason()), "comptoir-refund-" + part.id());
        } catch (PaymentProviderException e) {
            if (e.refused()) {
                tx.executeWithoutResult(s -> refunds.update(tenant, part.id(), null, RefundStatus.FAILED,
                        clock.instant()));
            }
            throw e;
        }
        tx.executeWithoutResult(s -> {
            // A webhook may have recorded the answer first: announce the refund once, whoever records it first.
            RefundRow now = refunds.lock(tenant, part.id()).orElseThrow();
            if (now.providerRefundId() == null) {
                refunds.update(tenant, part.id(), answer.providerRefundId(), answer.status(), clock.instant());
                if (answer.status() != RefundStatus.FAILED) {
                    events.publishEvent(new PaymentRefunded(tenant, payment.id(), payment.subject(), part.amount(),
                            part.currency()));
                }
            }
        });
    }

    private RefundView view(UUID tenant, UUID requestId, PaymentSubject subject) {
        List<RefundRow> parts = tx.execute(s -> refunds.ofRequest(tenant, requestId));
        RefundRow first = parts.getFirst();
        BigDecimal total = parts.stream().map(RefundRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RefundView(requestId, subject, total, first.currency(), first.reason(), first.refundedAt(),
                parts.stream().map(p -> new RefundView.Part(p.id(), p.paymentId(), p.method(), p.amount(), p.status()))
                        .toList());
    }
}
