package app.comptoir.payments.provider.stripe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.RefundStatus;
import app.comptoir.payments.application.PaymentsSettings;
import app.comptoir.payments.provider.CheckoutOrder;
import app.comptoir.payments.provider.PaymentProvider;
import app.comptoir.payments.provider.PaymentProviderException;
import app.comptoir.payments.provider.ProviderAccount;
import app.comptoir.payments.provider.ProviderCheckout;
import app.comptoir.payments.provider.ProviderEvent;
import app.comptoir.payments.provider.ProviderRefund;
import app.comptoir.payments.provider.RefundOrder;
import app.comptoir.payments.provider.WebhookRejectedException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;

/**
 * Stripe, through its official client {@code stripe-java}: Checkout Sessions (hosted payment page, one line with the
 * amount in the currency's smallest unit, our business, payment and subject ids in the metadata), refunds of a
 * session's PaymentIntent, and webhooks verified by {@link Webhook#constructEvent} on the raw body with the
 * configured tolerance (300 s) against this node's clock.
 *
 * <p>Each call builds a {@link StripeClient} for the business's secret key, pointed at
 * {@code comptoir.payments.stripe.api-base} (Stripe's API by default, a local fake in tests): never the library's
 * global static settings, which every business would share. Every create call carries an idempotency key, so the
 * client's own retries (and ours) never create a second session or refund.
 */
@Component
public class StripeProvider implements PaymentProvider {

    /** The provider's id. */
    public static final String ID = "stripe";

    /** The names of the secrets a business enters. */
    public static final String SECRET_KEY = "secretKey";
    public static final String WEBHOOK_SECRET = "webhookSecret";

    private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);

    private final PaymentsSettings.Stripe settings;
    private final Clock clock;

    StripeProvider(PaymentsSettings settings, Clock clock) {
        this.settings = settings.stripe();
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Stripe";
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD_ONLINE;
    }

    @Override
    public List<String> secretNames() {
        return List.of(SECRET_KEY, WEBHOOK_SECRET);
    }

    /** A secret key (sk_test_…, sk_live_…, or a restricted rk_…) and a webhook signing secret (whsec_…). */
    @Override
    public ProviderAccount.Check check(Map<String, String> secrets) {
        List<FieldError> errors = new ArrayList<>();
        String key = secrets.get(SECRET_KEY) == null ? "" : secrets.get(SECRET_KEY).strip();
        String webhook = secrets.get(WEBHOOK_SECRET) == null ? "" : secrets.get(WEBHOOK_SECRET).strip();
        boolean test = key.startsWith("sk_test_") || key.startsWith("rk_test_");
        boolean live = key.startsWith("sk_live_") || key.startsWith("rk_live_");
        if (key.isEmpty()) {
            errors.add(new FieldError(SECRET_KEY, "is required"));
        } else if (!(test || live) || key.length() < 20 || key.length() > 255 || !key.matches("[A-Za-z0-9_]+")) {
            errors.add(new FieldError(SECRET_KEY, "must be a Stripe secret key (sk_test_… or sk_live_…)"));
        }
        if (webhook.isEmpty()) {
            errors.add(new FieldError(WEBHOOK_SECRET, "is required"));
        } else if (!webhook.startsWith("whsec_") || webhook.length() < 16 || webhook.length() > 255
                || !webhook.matches("[A-Za-z0-9_+/=]+")) {
            errors.add(new FieldError(WEBHOOK_SECRET, "must be a Stripe webhook signing secret (whsec_…)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        return new ProviderAccount.Check(key.substring(key.length() - 4), test);
    }

    @Override
    public ProviderCheckout createCheckout(ProviderAccount account, CheckoutOrder order, String idempotencyKey) {
        Map<String, String> metadata = Map.of("tenant_id", order.tenantId().toString(),
                "payment_id", order.paymentId().toString(), "subject_type", order.subject().type().name(),
                "subject_id", order.subject().id().toString());
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(order.successUrl())
                .setCancelUrl(order.cancelUrl())
                .setClientReferenceId(order.paymentId().toString())
                .setExpiresAt(order.expiresAt().getEpochSecond())
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(order.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(StripeAmounts.toMinor(order.amount(), order.currency()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(order.description()).build())
                                .build())
                        .build());
        if (order.customerEmail() != null) {
            params.setCustomerEmail(order.customerEmail());
        }
        try {
            Session session = client(account).v1().checkout().sessions().create(params.build(), options(idempotencyKey));
            return checkout(session);
        } catch (StripeException e) {
            throw failure("create the checkout", e);
        }
    }

    @Override
    public ProviderCheckout retrieveCheckout(ProviderAccount account, String sessionId) {
        try {
            return checkout(client(account).v1().checkout().sessions().retrieve(sessionId));
        } catch (StripeException e) {
            throw failure("read the checkout", e);
        }
    }

    @Override
    public ProviderCheckout expireCheckout(ProviderAccount account, String sessionId, String idempotencyKey) {
        try {
            return checkout(client(account).v1().checkout().sessions().expire(sessionId,
                    SessionExpireParams.builder().build(), options(idempotencyKey)));
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 400) {
                // Only open sessions can be expired: it was paid or expired meanwhile, so say what it is now.
                return retrieveCheckout(account, sessionId);
            }
            throw failure("expire the checkout", e);
        }
    }

    @Override
    public ProviderRefund refund(ProviderAccount account, RefundOrder order, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(order.providerPaymentId())
                .setAmount(StripeAmounts.toMinor(order.amount(), order.currency()))
                .putMetadata("tenant_id", order.tenantId().toString())
                .putMetadata("payment_id", order.paymentId().toString())
                .putMetadata("refund_id", order.refundId().toString())
                .build();
        try {
            Refund refund = client(account).v1().refunds().create(params, options(idempotencyKey));
            return new ProviderRefund(refund.getId(), refundStatus(refund.getStatus()));
        } catch (StripeException e) {
            throw failure("refund the payment", e);
        }
    }

    @Override
    public ProviderEvent readWebhook(ProviderAccount account, String payload, Map<String, String> headers) {
        String signature = headers.get("stripe-signature");
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejectedException("The Stripe-Signature header is missing");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, account.secret(WEBHOOK_SECRET),
                    settings.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException("The Stripe signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) { // gson's JsonSyntaxException: a signed body that is not an event
            throw new WebhookRejectedException("The event cannot be read: " + e.getMessage());
        }
        StripeObject object = object(event);
        String type = event.getType();
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                Session session = (Session) object;
                yield paid(session) ? new ProviderEvent.CheckoutPaid(event.getId(), type, session.getId(),
                        uuid(session.getMetadata(), "tenant_id"), uuid(session.getMetadata(), "payment_id"),
                        session.getPaymentIntent(), session.getAmountTotal() == null ? null
                        : StripeAmounts.fromMinor(session.getAmountTotal(), session.getCurrency()),
                        session.getCurrency() == null ? null : session.getCurrency().toUpperCase(Locale.ROOT))
                        : new ProviderEvent.Other(event.getId(), type, session.getId());
            }
            case "checkout.session.expired", "checkout.session.async_payment_failed" -> {
                Session session = (Session) object;
                boolean expired = type.endsWith("expired");
                yield new ProviderEvent.CheckoutEnded(event.getId(), type, session.getId(),
                        uuid(session.getMetadata(), "tenant_id"), uuid(session.getMetadata(), "payment_id"),
                        expired ? PaymentStatus.EXPIRED : PaymentStatus.FAILED, expired ? "expired" : "failed");
            }
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" -> {
                Refund refund = (Refund) object;
                yield new ProviderEvent.RefundsChanged(event.getId(), type, refund.getId(), List.of(change(refund)));
            }
            case "charge.refunded" -> {
                Charge charge = (Charge) object;
                List<ProviderEvent.RefundChange> changes = charge.getRefunds() == null
                        || charge.getRefunds().getData() == null ? List.of()
                        : charge.getRefunds().getData().stream().map(StripeProvider::change).toList();
                yield new ProviderEvent.RefundsChanged(event.getId(), type, charge.getId(), changes);
            }
            default -> new ProviderEvent.Other(event.getId(), type, null);
        };
    }

    private StripeClient client(ProviderAccount account) {
        return StripeClient.builder()
                .setApiKey(account.secret(SECRET_KEY))
                .setApiBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** The event's object; an event of another API version than the library's is read as well as it can be. */
    private static StripeObject object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new WebhookRejectedException("The event's object cannot be read: " + e.getMessage());
            }
        });
    }

    private static ProviderCheckout checkout(Session session) {
        ProviderCheckout.State state;
        if (paid(session)) {
            state = ProviderCheckout.State.PAID;
        } else if ("expired".equals(session.getStatus())) {
            state = ProviderCheckout.State.EXPIRED;
        } else {
            state = ProviderCheckout.State.OPEN;
        }
        return new ProviderCheckout(session.getId(), session.getUrl(),
                session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()), state,
                session.getPaymentIntent(), session.getAmountTotal() == null || session.getCurrency() == null ? null
                : StripeAmounts.fromMinor(session.getAmountTotal(), session.getCurrency()));
    }

    private static boolean paid(Session session) {
        return "complete".equals(session.getStatus())
                && ("paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus()));
    }

    private static ProviderEvent.RefundChange change(Refund refund) {
        Map<String, String> metadata = refund.getMetadata() == null ? Map.of() : refund.getMetadata();
        String currency = refund.getCurrency() == null ? null : refund.getCurrency().toUpperCase(Locale.ROOT);
        return new ProviderEvent.RefundChange(refund.getId(), refund.getPaymentIntent(), uuid(metadata, "tenant_id"),
                uuid(metadata, "refund_id"), refund.getAmount() == null || currency == null ? null
                : StripeAmounts.fromMinor(refund.getAmount(), currency), currency, refundStatus(refund.getStatus()));
    }

    private static RefundStatus refundStatus(String status) {
        return switch (status == null ? "" : status) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed", "canceled" -> RefundStatus.FAILED;
            default -> RefundStatus.PENDING; // pending, requires_action
        };
    }

    private static UUID uuid(Map<String, String> metadata, String key) {
        String value = metadata == null ? null : metadata.get(key);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static PaymentProviderException failure(String act, StripeException e) {
        Integer status = e.getStatusCode();
        boolean refused = !(e instanceof ApiConnectionException) && status != null && status >= 400 && status < 500
                && status != 429 && status != 409;
        log.warn("Stripe could not {}: {} (status {}, request {})", act, e.getMessage(), status, e.getRequestId());
        return new PaymentProviderException("Stripe could not " + act + ": " + describe(e), refused);
    }

    private static String describe(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
