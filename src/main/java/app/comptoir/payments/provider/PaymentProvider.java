package app.comptoir.payments.provider;

import java.util.List;
import java.util.Map;

import app.comptoir.payments.PaymentMethod;

/**
 * An online payment provider, as the payments module needs one: the business's account checked from the secrets
 * it enters, a hosted checkout created (with an idempotency key), read back and expired, a refund made, and its
 * webhooks verified and turned into {@link ProviderEvent}s. Everything else (dues, states, idempotency of our own
 * requests, deduplication of events, events to other modules, pages, the webhook endpoint
 * {@code /api/v1/payments/{provider}/webhook/{business}}) is the module's and works for any provider.
 *
 * <p>Stripe is {@code stripe.StripeProvider}; a mobile-money adapter (Wave, Orange Money) implements the same
 * interface as another Spring bean (see docs/payments.md, "Adding a provider").
 */
public interface PaymentProvider {

    /** The provider's id in addresses and rows ({@code stripe}). */
    String id();

    /** Its name as pages show it ({@code Stripe}). */
    String displayName();

    /** The method its payments have ({@link PaymentMethod#CARD_ONLINE} for Stripe). */
    PaymentMethod method();

    /** The names of the secrets a business enters (Stripe: {@code secretKey}, {@code webhookSecret}). */
    List<String> secretNames();

    /**
     * Checks the secrets a business entered (every field error at once, as an {@code InvalidInputException}) and
     * says what may be shown of them: a hint (the key's last characters) and whether they are test keys.
     */
    ProviderAccount.Check check(Map<String, String> secrets);

    /** Creates a hosted checkout; the same idempotency key returns the same checkout. */
    ProviderCheckout createCheckout(ProviderAccount account, CheckoutOrder order, String idempotencyKey);

    /** Reads a checkout back (to reconcile a payment whose webhook never came). */
    ProviderCheckout retrieveCheckout(ProviderAccount account, String sessionId);

    /** Ends an open checkout, so that it can no longer be paid; answers what the checkout is now. */
    ProviderCheckout expireCheckout(ProviderAccount account, String sessionId, String idempotencyKey);

    /** Gives back part or all of a payment; the same idempotency key refunds once. */
    ProviderRefund refund(ProviderAccount account, RefundOrder order, String idempotencyKey);

    /**
     * Verifies a webhook on its raw body (signature, age) and reads it.
     *
     * @param headers the request's headers, names in lower case
     * @throws WebhookRejectedException when the signature is missing, wrong or too old, or the body unreadable
     */
    ProviderEvent readWebhook(ProviderAccount account, String payload, Map<String, String> headers);
}
