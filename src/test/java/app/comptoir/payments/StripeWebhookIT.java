package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.ApplicationEventMulticaster;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Stripe's webhook, over real HTTP from the local fake Stripe: a correctly signed event is applied; a tampered body,
 * another secret, a signature older than 300 s or none at all is refused (400) and changes nothing; an event
 * received again (a replay of its id) answers 200 and does nothing; a payment confirmed by several deliveries
 * (duplicates, at once or one after the other) is recorded once.
 */
@IntegrationTest
class StripeWebhookIT {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private final PaymentsTesting.Recorder recorder = new PaymentsTesting.Recorder();
    private Account admin;
    private FakeStripe.Account stripe;
    private UUID order;
    private UUID paymentId;
    private String sessionId;

    @BeforeEach
    void aPendingCheckout() {
        multicaster.addApplicationListener(recorder);
        admin = PaymentsTesting.business(port, "Webhooks", "EUR", "Europe/Paris");
        stripe = PaymentsTesting.connectStripe(port, admin, true);
        order = PaymentsTesting.dueOrder(payments, tenants, admin, "42.50", "EUR");
        JsonPath checkout = PaymentsTesting.checkout(port, admin, order, "42.50", null);
        paymentId = UUID.fromString(checkout.getString("paymentId"));
        sessionId = PaymentsTesting.sessionOf(checkout.getString("redirectUrl"));
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    private String completed() {
        FakeStripe.Session session = FakeStripe.shared().session(sessionId);
        session.status = "complete";
        session.paymentStatus = "paid";
        session.paymentIntent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return stripe.event("checkout.session.completed", stripe.sessionObject(sessionId));
    }

    private String paymentStatus() {
        return Api.as(port, admin).get("/api/v1/payments/" + paymentId).then().statusCode(200).extract().path("status");
    }

    @Test
    void aCorrectlySignedCompletedCheckoutMakesThePaymentSucceedAndTheOrderPaid() {
        FakeStripe.Delivery delivery = stripe.pay(sessionId);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(paymentStatus()).isEqualTo("SUCCEEDED");
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().statusCode(200)
                .body("summary.state", equalTo("PAID")).body("summary.paid", equalTo(42.5f))
                .body("toCollect", equalTo(0.0f));
        assertThat(recorder.of(PaymentSucceeded.class, paymentId)).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo(PaymentSubject.order(order)))
                .satisfies(e -> assertThat(e.method()).isEqualTo(PaymentMethod.CARD_ONLINE))
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("42.50"));
    }

    @Test
    void aTamperedBodyIsRefusedAndChangesNothing() {
        String payload = completed();
        long now = Instant.now().getEpochSecond();
        String signature = FakeStripe.signature(payload, now, stripe.webhookSecret);
        String tampered = payload.replace("\"amount_total\":4250", "\"amount_total\":1");
        assertThat(tampered).isNotEqualTo(payload);

        FakeStripe.Delivery delivery = stripe.deliverRaw(tampered, signature);

        assertThat(delivery.status()).isEqualTo(400);
        assertThat(JsonPath.from(delivery.body()).getString("type")).endsWith("/invalid-signature");
        assertThat(paymentStatus()).isEqualTo("PENDING");
        assertThat(recorder.of(PaymentSucceeded.class, paymentId)).isEmpty();
    }

    @Test
    void anEventSignedWithAnotherSecretIsRefused() {
        FakeStripe.Delivery delivery = stripe.deliver(completed(), Instant.now().getEpochSecond(),
                "whsec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));

        assertThat(delivery.status()).isEqualTo(400);
        assertThat(paymentStatus()).isEqualTo("PENDING");
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRefusedAndAYoungerOneAccepted() {
        String payload = completed();

        FakeStripe.Delivery old = stripe.deliver(payload, Instant.now().getEpochSecond() - 301, stripe.webhookSecret);
        assertThat(old.status()).isEqualTo(400);
        assertThat(paymentStatus()).isEqualTo("PENDING");

        FakeStripe.Delivery recent = stripe.deliver(payload, Instant.now().getEpochSecond() - 240, stripe.webhookSecret);
        assertThat(recent.status()).isEqualTo(200);
        assertThat(paymentStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anEventWithoutSignatureIsRefused() {
        FakeStripe.Delivery delivery = stripe.deliverRaw(completed(), null);

        assertThat(delivery.status()).isEqualTo(400);
        assertThat(paymentStatus()).isEqualTo("PENDING");
    }

    @Test
    void aReplayedEventIdAnswers200AndDoesNothing() {
        String payload = completed();

        FakeStripe.Delivery first = stripe.deliver(payload);
        FakeStripe.Delivery replay = stripe.deliver(payload);

        assertThat(first.status()).isEqualTo(200);
        assertThat(JsonPath.from(first.body()).getBoolean("duplicate")).isFalse();
        assertThat(JsonPath.from(first.body()).getString("outcome")).isEqualTo("applied");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(JsonPath.from(replay.body()).getBoolean("duplicate")).isTrue();
        assertThat(recorder.of(PaymentSucceeded.class, paymentId)).hasSize(1);
    }

    @Test
    void duplicatedDeliveriesRecordThePaymentOnce() throws Exception {
        String payload = completed();
        String otherId = stripe.event("checkout.session.completed", stripe.sessionObject(sessionId));
        // Stripe may deliver the same event several times at once, and send more than one event for one payment.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<FakeStripe.Delivery>> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deliveries.add(() -> stripe.deliver(payload));
        }
        List<FakeStripe.Delivery> answers = new ArrayList<>();
        for (Future<FakeStripe.Delivery> answer : pool.invokeAll(deliveries)) {
            answers.add(answer.get());
        }
        pool.shutdown();
        FakeStripe.Delivery another = stripe.deliver(otherId);

        assertThat(answers).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(answers).filteredOn(d -> !JsonPath.from(d.body()).getBoolean("duplicate")).hasSize(1);
        assertThat(JsonPath.from(another.body()).getString("outcome")).isEqualTo("unchanged");
        assertThat(recorder.of(PaymentSucceeded.class, paymentId)).hasSize(1);
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().statusCode(200)
                .body("summary.paid", equalTo(42.5f)).body("payments.size()", equalTo(1));
    }

    @Test
    void anExpiredCheckoutEndsThePaymentAndAnnouncesIt() {
        FakeStripe.Delivery delivery = stripe.expire(sessionId);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(paymentStatus()).isEqualTo("EXPIRED");
        assertThat(recorder.of(PaymentFailed.class, paymentId)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("expired"));
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().body("summary.state", equalTo("UNPAID"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingIsRead() {
        String huge = "{\"id\":\"evt_big\",\"pad\":\"" + "x".repeat(600 * 1024) + "\"}";

        FakeStripe.Delivery delivery = stripe.deliver(huge);

        assertThat(delivery.status()).isEqualTo(413);
        assertThat(JsonPath.from(delivery.body()).getString("type")).endsWith("/payload-too-large");
        assertThat(paymentStatus()).isEqualTo("PENDING");
    }

    @Test
    void aWebhookForAnUnknownBusinessOrAProviderItHasNoKeysForIsNotFound() {
        Api.given(port).body(completed()).post("/api/v1/payments/stripe/webhook/no-such-business-" + UUID.randomUUID())
                .then().spec(Api.problem(404, "not-found"));
        Account other = Api.newBusiness(port, "Sans Stripe");
        Api.given(port).body(completed()).post("/api/v1/payments/stripe/webhook/" + other.tenantSlug())
                .then().spec(Api.problem(404, "not-found"));
        Api.given(port).body("{}").post("/api/v1/payments/paypal/webhook/" + admin.tenantSlug())
                .then().spec(Api.problem(404, "not-found"));
    }
}
