package app.comptoir.payments;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.payments.application.Dues;
import app.comptoir.payments.application.OnSitePayments;
import app.comptoir.payments.application.OnlinePayments;
import app.comptoir.payments.application.PaymentQueries;
import app.comptoir.payments.application.ProviderAccounts;
import app.comptoir.payments.application.Refunds;

/**
 * The payments module's published API: what is due on an order or an appointment, what was paid (online through
 * the business's provider, or on site), refunds, and each subject's {@link PaymentSummary}. Every method works
 * for the current tenant ({@code TenantContext}); public callers (the booking page, the storefront) run under
 * the business's tenant with {@code TenantContext.callAs}.
 *
 * <p>Events: {@link PaymentSucceeded}, {@link PaymentFailed}, {@link PaymentRefunded}, published after commit.
 */
@Service
public class Payments {

    private final Dues dues;
    private final PaymentQueries queries;
    private final OnSitePayments onSite;
    private final OnlinePayments online;
    private final Refunds refunds;
    private final ProviderAccounts accounts;

    Payments(Dues dues, PaymentQueries queries, OnSitePayments onSite, OnlinePayments online, Refunds refunds,
             ProviderAccounts accounts) {
        this.dues = dues;
        this.queries = queries;
        this.onSite = onSite;
        this.online = online;
        this.refunds = refunds;
        this.accounts = accounts;
    }

    /**
     * Records what is due on a subject, in the business's currency: called again when the amount changes, with
     * zero when the subject is cancelled. Joins the caller's transaction (sales confirming an order, bookings
     * booking an appointment). No permission check: the caller's use case checked its own.
     */
    public void expect(PaymentSubject subject, BigDecimal amountDue, String currency) {
        dues.expect(subject, amountDue, currency);
    }

    /** Where a subject stands; a subject never expected is UNPAID with nothing due. */
    public PaymentSummary summary(PaymentSubject subject) {
        return queries.summary(subject);
    }

    /** The summaries of many subjects of one type in one query (lists); every id asked for has an entry. */
    public Map<UUID, PaymentSummary> summaries(SubjectType type, Collection<UUID> ids) {
        return queries.summaries(type, ids);
    }

    /** The payments of a subject, newest first (every status), with what was refunded of each. */
    public List<PaymentView> history(PaymentSubject subject) {
        return queries.history(subject);
    }

    /**
     * Records a payment received on site by the signed-in staff member (needs {@code PAYMENTS_RECORD}). With an
     * idempotency key, a retry returns the first payment instead of recording it twice.
     */
    public PaymentView recordOnSite(PaymentSubject subject, OnSitePayment payment, String idempotencyKey) {
        return onSite.record(subject, payment, idempotencyKey).payment();
    }

    /**
     * Records a payment collected on site by a use case that already decided who may collect it (a driver
     * collecting cash on delivery of their own order): the same as {@link #recordOnSite} without the
     * {@code PAYMENTS_RECORD} check. The caller is responsible for its own permission check.
     */
    public PaymentView recordCollected(PaymentSubject subject, OnSitePayment payment, String idempotencyKey) {
        return onSite.recordCollected(subject, payment, idempotencyKey).payment();
    }

    /** Whether the current business can take payments online (its provider keys are configured). */
    public boolean onlineAvailable() {
        return online.available();
    }

    /** Whether the current business's online provider runs with test keys (pages show a test-mode banner). */
    public boolean testMode() {
        return accounts.testMode();
    }

    /**
     * Starts an online payment of a subject through the business's provider (a Stripe Checkout Session) and
     * returns the page to send the customer to; the payment is PENDING until the provider's webhook says it
     * succeeded ({@link PaymentSucceeded}) or expired ({@link PaymentFailed}). The same idempotency key returns
     * the same checkout. No permission check: public pages call it under the business's tenant.
     */
    public OnlineCheckout startCheckout(PaymentSubject subject, CheckoutRequest request, String idempotencyKey) {
        return online.start(subject, request, idempotencyKey);
    }

    /**
     * Gives back part or all of what was paid on a subject (needs {@code PAYMENTS_REFUND}): online payments
     * through their provider, on-site ones recorded as given back; never more than what was paid net.
     */
    public RefundView refund(PaymentSubject subject, BigDecimal amount, String reason, String idempotencyKey) {
        return refunds.refund(subject, amount, reason, idempotencyKey).refund();
    }

    /**
     * The same as {@link #refund} without the {@code PAYMENTS_REFUND} check, for a use case that already decided
     * the refund under its own rule (sales recording a return, a customer cancelling an appointment in time).
     */
    public RefundView grantRefund(PaymentSubject subject, BigDecimal amount, String reason, String idempotencyKey) {
        return refunds.grant(subject, amount, reason, idempotencyKey).refund();
    }

    /** Expires the subject's open online checkouts (each gets a {@link PaymentFailed} with reason {@code cancelled}). */
    public void cancelPending(PaymentSubject subject) {
        online.cancelPending(subject);
    }
}
