package app.comptoir.payments.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSucceeded;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.domain.PaymentRules;
import app.comptoir.payments.persistence.PaymentRow;
import app.comptoir.payments.persistence.PaymentStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * Payments received on site (cash, card terminal, transfer, cheque), recorded by staff: succeeded at once, at most
 * what is left to pay on the subject, with the staff's reference and note, announced with {@link PaymentSucceeded}.
 */
@Service
public class OnSitePayments {

    /** A payment recorded, or found again for a retried request ({@code replayed}). */
    public record Recorded(PaymentView payment, boolean replayed) {
    }

    private final PaymentStore store;
    private final PaymentsActor actor;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnSitePayments(PaymentStore store, PaymentsActor actor, AuditRecorder audit, ApplicationEventPublisher events,
                   Clock clock) {
        this.store = store;
        this.actor = actor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records a payment received on site (PAYMENTS_RECORD). */
    @Transactional
    public Recorded record(PaymentSubject subject, OnSitePayment payment, String idempotencyKey) {
        actor.require(Permission.PAYMENTS_RECORD);
        return recordCollected(subject, payment, idempotencyKey);
    }

    /**
     * Records a payment received on site for a use case that checked its own rule (a driver collecting on the
     * delivery of their own order). With an idempotency key, a retry of the same request answers the first payment
     * ({@code replayed}); the same key with another request is refused (422).
     */
    @Transactional
    public Recorded recordCollected(PaymentSubject subject, OnSitePayment payment, String idempotencyKey) {
        UUID tenant = actor.tenant();
        String key = idempotencyKey == null ? null : "on-site:" + idempotencyKey;
        String hash = payment == null ? null : RequestHashes.of(subject.type(), subject.id(), payment.method(),
                payment.amount(), payment.reference(), payment.note());
        Optional<Recorded> replay = replay(tenant, key, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        PaymentStore.Due due = store.lockDue(tenant, subject)
                .orElseThrow(() -> new NotFoundException("Payment subject", subject.type() + " " + subject.id()));
        // A retry that waited for the first one's lock finds its payment now.
        replay = replay(tenant, key, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        OnSitePayment checked = PaymentRules.onSite(payment, due.currency(), store.leftToPay(tenant, due));
        Instant now = clock.instant();
        PaymentRow row = new PaymentRow(Ids.newId(), subject, checked.method(), PaymentRow.ON_SITE,
                PaymentStatus.SUCCEEDED, checked.amount(), due.currency(), checked.reference(), checked.note(), null,
                null, null, null, null, null, null, null, now, null, false, key, hash, now, actor.userId(),
                java.math.BigDecimal.ZERO);
        try {
            store.insert(tenant, row, actor.userId());
        } catch (DuplicateKeyException e) {
            throw IdempotencyKeys.reused("This Idempotency-Key");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", subject.type().name() + " " + subject.id());
        after.put("method", checked.method().name());
        after.put("amount", checked.amount().toPlainString());
        after.put("currency", due.currency());
        after.put("reference", checked.reference());
        audit.record("payment", row.id(), "CREATE", null, after);
        events.publishEvent(new PaymentSucceeded(tenant, row.id(), subject, checked.amount(), due.currency(),
                checked.method()));
        return new Recorded(row.view(), false);
    }

    private Optional<Recorded> replay(UUID tenant, String key, String hash) {
        if (key == null) {
            return Optional.empty();
        }
        return store.byKey(tenant, key).map(existing -> {
            if (!IdempotencyKeys.sameRequest(existing.requestHash(), hash)) {
                throw IdempotencyKeys.reused("This Idempotency-Key");
            }
            return new Recorded(existing.view(), true);
        });
    }
}
