package app.comptoir.payments.application;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.domain.PaymentRules;
import app.comptoir.payments.persistence.PaymentStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.InvalidInputException;

/**
 * What is due on each subject, as the module that owns it says (sales when an order is confirmed, changed or
 * cancelled; bookings when an appointment is booked or cancelled), in the caller's transaction.
 */
@Service
public class Dues {

    private final PaymentStore store;
    private final PaymentsActor actor;
    private final AuditRecorder audit;
    private final java.time.Clock clock;

    Dues(PaymentStore store, PaymentsActor actor, AuditRecorder audit, java.time.Clock clock) {
        this.store = store;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records what is due on a subject (0 when it is cancelled); nothing changes when it is the same. */
    @Transactional
    public void expect(PaymentSubject subject, BigDecimal amountDue, String currency) {
        if (subject == null) {
            throw InvalidInputException.field("subject", "is required");
        }
        String code = currency(currency);
        BigDecimal due = PaymentRules.due(amountDue, code);
        UUID tenant = actor.tenant();
        var before = store.lockDue(tenant, subject);
        if (before.isPresent() && before.get().currency().equals(code) && before.get().amount().compareTo(due) == 0) {
            return;
        }
        store.saveDue(tenant, subject, due, code, clock.instant(), actor.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", subject.type().name());
        after.put("amountDue", due.toPlainString());
        after.put("currency", code);
        audit.record("payment_due", subject.id(), before.isPresent() ? "UPDATE" : "CREATE",
                before.map(b -> Map.<String, Object>of("amountDue", b.amount().toPlainString(), "currency", b.currency()))
                        .orElse(null), after);
    }

    private static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            throw InvalidInputException.field("currency", "is required");
        }
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("currency", "must be an ISO 4217 code (EUR, XOF…)");
        }
    }
}
