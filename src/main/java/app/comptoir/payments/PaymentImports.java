package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.payments.application.PaymentsActor;
import app.comptoir.payments.persistence.PaymentHistoryStore;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.Permission;

/**
 * Payments made before Comptoir, imported in bulk: what was due on each subject and the payments received on site or
 * online by card (with what was given back of them), as a previous till or booking system recorded them, dated as
 * they happened. Used by the demo businesses (a year of orders, six weeks of appointments, each with its payment)
 * and open to a future import from another till. An online payment names its provider's payment (a Stripe
 * PaymentIntent {@code pi_…}) in its reference, kept as the provider's id; what was given back of it is recorded as
 * refunded by the provider at the time (nothing is asked of the provider now). Imported
 * history publishes no events and writes no audit entries (like sales' imported history); otherwise its dues,
 * payments and refunds are ordinary ones for every summary, list and cash drawer.
 */
@Service
public class PaymentImports {

    /** What was due on a subject, from when. */
    public record Due(PaymentSubject subject, BigDecimal amount, Instant at) {
    }

    /**
     * A payment received on site (or online by card, {@code reference} then being the provider's payment id), when,
     * with its reference; {@code refunded} (zero or more) was given back at {@code refundedAt} for
     * {@code refundReason}.
     */
    public record Paid(PaymentSubject subject, PaymentMethod method, BigDecimal amount, Instant paidAt,
                       String reference, BigDecimal refunded, Instant refundedAt, String refundReason) {
    }

    private final PaymentHistoryStore store;
    private final PaymentsActor actor;

    PaymentImports(PaymentHistoryStore store, PaymentsActor actor) {
        this.store = store;
        this.actor = actor;
    }

    /**
     * Imports dues and payments of the current business in its currency (PAYMENTS_RECORD), a few thousand rows per
     * statement. A subject already expected keeps its due. Refused (400) when a payment has no method, is online
     * without its provider's payment id, is not above zero, not in the currency's decimals, or gives back more than
     * it received.
     */
    @Transactional
    public int importHistory(String currency, List<Due> dues, List<Paid> payments) {
        actor.require(Permission.PAYMENTS_RECORD);
        Objects.requireNonNull(currency, "currency");
        for (Paid p : payments) {
            if (p.method() == null) {
                throw InvalidInputException.field("method", "is required");
            }
            if (p.method().online() && (p.reference() == null || p.reference().isBlank())) {
                throw InvalidInputException.field("reference", "must name the provider's payment of an online payment");
            }
            if (p.amount() == null || p.amount().signum() <= 0
                    || Money.round(p.amount(), currency).compareTo(p.amount()) != 0) {
                throw InvalidInputException.field("amount", "must be above zero, in the currency's decimals");
            }
            BigDecimal refunded = p.refunded() == null ? BigDecimal.ZERO : p.refunded();
            if (refunded.signum() < 0 || refunded.compareTo(p.amount()) > 0
                    || refunded.signum() > 0 && p.refundedAt() == null) {
                throw InvalidInputException.field("refunded", "must be between zero and the amount, with its date");
            }
        }
        store.insert(actor.tenant(), currency, dues, payments, actor.userId());
        return payments.size();
    }
}
