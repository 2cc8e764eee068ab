package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
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
 * Online payment end to end through the real {@code stripe-java} client and the local fake Stripe: a checkout created
 * once per Idempotency-Key (and sent to Stripe with an idempotency key of its own), amounts in the currency's
 * smallest unit (XOF has none) with the business and payment in the metadata, paid on the fake's hosted page (its
 * webhook makes the order PAID and announces {@link PaymentSucceeded}), cancelled or expired
 * ({@link PaymentFailed}), read back when its webhook was lost, and refunded through Stripe.
 */
@IntegrationTest
class OnlinePaymentIT {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    app.comptoir.payments.application.OnlinePayments online;

    private final PaymentsTesting.Recorder recorder = new PaymentsTesting.Recorder();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameCheckoutAndStripeGetsAKeyToo() {
        Account admin = PaymentsTesting.business(port, "Idempotence", "EUR", "Europe/Paris");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "42.50", "EUR");

        JsonPath first = PaymentsTesting.checkout(port, admin, order, "42.50", "checkout-1");
        JsonPath again = PaymentsTesting.checkout(port, admin, order, "42.50", "checkout-1");

        assertThat(again.getString("paymentId")).isEqualTo(first.getString("paymentId"));
        assertThat(again.getString("redirectUrl")).isEqualTo(first.getString("redirectUrl"));
        assertThat(FakeStripe.shared().sessions(stripe.secretKey)).hasSize(1);
        assertThat(FakeStripe.shared().requests(stripe.secretKey)).filteredOn(r -> r.path().equals("/v1/checkout/sessions"))
                .singleElement().satisfies(r -> assertThat(r.idempotencyKey())
                        .isEqualTo("comptoir-checkout-" + first.getString("paymentId")));
        Api.as(port, admin).header("Idempotency-Key", "checkout-1")
                .body(Map.of("amount", "10.00", "successUrl", "https://shop.example.test/merci",
                        "cancelUrl", "https://shop.example.test/panier"))
                .post("/api/v1/payments/orders/" + order + "/checkout").then().spec(Api.problem(422, "idempotency-key-reused"));
    }

    @Test
    void theCheckoutCarriesTheAmountInMinorUnitsAndOurIdsInItsMetadata() {
        Account euros = PaymentsTesting.business(port, "Unités EUR", "EUR", "Europe/Paris");
        FakeStripe.Account stripeEur = PaymentsTesting.connectStripe(port, euros, true);
        UUID orderEur = PaymentsTesting.dueOrder(payments, tenants, euros, "42.50", "EUR");
        JsonPath eur = PaymentsTesting.checkout(port, euros, orderEur, "42.50", null);

        Account francs = PaymentsTesting.business(port, "Unités XOF", "XOF", "Africa/Dakar");
        FakeStripe.Account stripeXof = PaymentsTesting.connectStripe(port, francs, true);
        UUID orderXof = PaymentsTesting.dueOrder(payments, tenants, francs, "15000", "XOF");
        JsonPath xof = PaymentsTesting.checkout(port, francs, orderXof, "15000", null);

        FakeStripe.Session sessionEur = FakeStripe.shared().session(PaymentsTesting.sessionOf(eur.getString("redirectUrl")));
        FakeStripe.Session sessionXof = FakeStripe.shared().session(PaymentsTesting.sessionOf(xof.getString("redirectUrl")));
        assertThat(sessionEur.amountTotal).isEqualTo(4250);
        assertThat(sessionEur.currency).isEqualTo("eur");
        assertThat(sessionXof.amountTotal).isEqualTo(15000);
        assertThat(sessionXof.currency).isEqualTo("xof");
        assertThat(sessionEur.metadata()).containsEntry("tenant_id", euros.tenantId().toString())
                .containsEntry("payment_id", eur.getString("paymentId")).containsEntry("subject_type", "ORDER")
                .containsEntry("subject_id", orderEur.toString());
        assertThat(sessionEur.params).containsEntry("customer_email", "client@example.test")
                .containsEntry("success_url", "https://shop.example.test/merci")
                .containsEntry("line_items[0][price_data][product_data][name]", "Commande test");
        assertThat(sessionXof.account).isSameAs(stripeXof);
        assertThat(sessionEur.account).isSameAs(stripeEur);
    }

    @Test
    void payingOnTheHostedPageMakesTheOrderPaidThroughTheWebhook() throws Exception {
        Account admin = PaymentsTesting.business(port, "Page de paiement", "EUR", "Europe/Paris");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "42.50", "EUR");
        JsonPath checkout = PaymentsTesting.checkout(port, admin, order, "42.50", null);
        UUID paymentId = UUID.fromString(checkout.getString("paymentId"));
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().body("summary.state", equalTo("UNPAID"))
                .body("payments[0].status", equalTo("PENDING"));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(checkout.getString("redirectUrl")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("data-stripe-test-mode", "42.50 EUR", "Payer");
        HttpResponse<String> paid = browser.send(HttpRequest.newBuilder(URI.create(checkout.getString("redirectUrl")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue("https://shop.example.test/merci");
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().statusCode(200)
                .body("summary.state", equalTo("PAID")).body("payments[0].status", equalTo("SUCCEEDED"))
                .body("payments[0].method", equalTo("CARD_ONLINE")).body("payments[0].provider", equalTo("stripe"));
        assertThat(recorder.of(PaymentSucceeded.class, paymentId)).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(admin.tenantId()));
        assertThat(FakeStripe.shared().deliveries()).anySatisfy(d -> {
            assertThat(d.type()).isEqualTo("checkout.session.completed");
            assertThat(d.status()).isEqualTo(200);
        });
        assertThat(stripe.test()).isTrue();
    }

    @Test
    void cancellingTheSubjectsPendingCheckoutsExpiresThemAtStripeAndAnnouncesIt() {
        Account admin = PaymentsTesting.business(port, "Annulation", "EUR", "Europe/Paris");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "20.00", "EUR");
        JsonPath checkout = PaymentsTesting.checkout(port, admin, order, "20.00", null);
        UUID paymentId = UUID.fromString(checkout.getString("paymentId"));
        String session = PaymentsTesting.sessionOf(checkout.getString("redirectUrl"));

        tenants.runAs(admin.tenantId(), () -> payments.cancelPending(PaymentSubject.order(order)));

        assertThat(FakeStripe.shared().session(session).status).isEqualTo("expired");
        Api.as(port, admin).get("/api/v1/payments/" + paymentId).then().body("status", equalTo("EXPIRED"));
        assertThat(recorder.of(PaymentFailed.class, paymentId)).first()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("cancelled"));
        // Stripe then tells the webhook the session expired: nothing more happens.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> FakeStripe.shared().deliveries().stream()
                .anyMatch(d -> "checkout.session.expired".equals(d.type()) && session.equals(d.objectId())
                        && d.body().contains("unchanged")));
        assertThat(recorder.of(PaymentFailed.class, paymentId)).hasSize(1);
        assertThat(stripe.secretKey).startsWith("sk_test_");
    }

    @Test
    void aCheckoutAskedToExpireSoonerThanStripeAllowsStaysOpenHalfAnHour() {
        Account admin = PaymentsTesting.business(port, "Expiration", "EUR", "Europe/Paris");
        PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "20.00", "EUR");
        Instant asked = Instant.now().plus(Duration.ofMinutes(15));

        JsonPath checkout = Api.as(port, admin).body(Map.of("amount", "20", "successUrl", "https://x.example.test/ok",
                        "cancelUrl", "https://x.example.test/ko", "expiresAt", asked.toString()))
                .post("/api/v1/payments/orders/" + order + "/checkout").then().statusCode(201).extract().jsonPath();

        assertThat(Instant.parse(checkout.getString("expiresAt"))).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aLostWebhookIsMadeUpForByAskingStripe() {
        Account admin = PaymentsTesting.business(port, "Webhook perdu", "EUR", "Europe/Paris");
        PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "12.00", "EUR");
        JsonPath checkout = PaymentsTesting.checkout(port, admin, order, "12.00", null);
        FakeStripe.Session session = FakeStripe.shared().session(PaymentsTesting.sessionOf(checkout.getString("redirectUrl")));
        session.status = "complete";
        session.paymentStatus = "paid";
        session.paymentIntent = "pi_lost" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        Api.as(port, admin).post("/api/v1/payments/" + checkout.getString("paymentId") + "/refresh").then()
                .statusCode(200).body("status", equalTo("SUCCEEDED"));
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().body("summary.state", equalTo("PAID"));
    }

    @Test
    void paymentsStillPendingAfterTheirExpiryAreReadBackFromStripe() {
        Account admin = PaymentsTesting.business(port, "Relève", "EUR", "Europe/Paris");
        PaymentsTesting.connectStripe(port, admin, true);
        UUID paidOrder = PaymentsTesting.dueOrder(payments, tenants, admin, "12.00", "EUR");
        UUID lostOrder = PaymentsTesting.dueOrder(payments, tenants, admin, "9.00", "EUR");
        JsonPath paid = PaymentsTesting.checkout(port, admin, paidOrder, "12.00", null);
        JsonPath lost = PaymentsTesting.checkout(port, admin, lostOrder, "9.00", null);
        FakeStripe.Session paidSession = FakeStripe.shared().session(PaymentsTesting.sessionOf(paid.getString("redirectUrl")));
        paidSession.status = "complete";
        paidSession.paymentStatus = "paid";
        paidSession.paymentIntent = "pi_sweep" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        FakeStripe.shared().session(PaymentsTesting.sessionOf(lost.getString("redirectUrl"))).status = "expired";

        assertThat(online.sweep(admin.tenantId(), Instant.now(), 100)).isZero();
        int changed = online.sweep(admin.tenantId(), Instant.now().plus(Duration.ofHours(2)), 100);

        assertThat(changed).isEqualTo(2);
        Api.as(port, admin).get("/api/v1/payments/" + paid.getString("paymentId")).then().body("status", equalTo("SUCCEEDED"));
        Api.as(port, admin).get("/api/v1/payments/" + lost.getString("paymentId")).then().body("status", equalTo("EXPIRED"));
        assertThat(recorder.of(PaymentFailed.class, UUID.fromString(lost.getString("paymentId")))).hasSize(1);
    }

    @Test
    void anOnlinePaymentIsRefundedThroughStripeInPartsThenInFull() {
        Account admin = PaymentsTesting.business(port, "Remboursement", "EUR", "Europe/Paris");
        FakeStripe.Account stripe = PaymentsTesting.connectStripe(port, admin, true);
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "42.50", "EUR");
        JsonPath checkout = PaymentsTesting.checkout(port, admin, order, "42.50", null);
        UUID paymentId = UUID.fromString(checkout.getString("paymentId"));
        String session = PaymentsTesting.sessionOf(checkout.getString("redirectUrl"));
        stripe.pay(session);

        JsonPath partial = Api.as(port, admin).header("Idempotency-Key", "refund-1")
                .body(Map.of("amount", "10.00", "reason", "Article abîmé"))
                .post("/api/v1/payments/orders/" + order + "/refunds").then().statusCode(201).extract().jsonPath();
        Api.as(port, admin).header("Idempotency-Key", "refund-1").body(Map.of("amount", "10.00", "reason", "Article abîmé"))
                .post("/api/v1/payments/orders/" + order + "/refunds").then().statusCode(200)
                .header("Idempotent-Replayed", "true");

        assertThat(partial.getString("parts[0].method")).isEqualTo("CARD_ONLINE");
        assertThat(partial.getString("parts[0].status")).isEqualTo("SUCCEEDED");
        assertThat(FakeStripe.shared().refundsOf(session)).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(1000);
            assertThat(r.metadata()).containsEntry("payment_id", paymentId.toString());
        });
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then()
                .body("summary.state", equalTo("PARTLY_PAID")).body("summary.refunded", equalTo(10.0f))
                .body("toCollect", equalTo(10.0f));

        Api.as(port, admin).body(Map.of("amount", "40")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        Api.as(port, admin).body(Map.of("amount", "32.50")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().statusCode(201);

        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then()
                .body("summary.state", equalTo("REFUNDED")).body("refunds.size()", equalTo(2));
        assertThat(FakeStripe.shared().refundsOf(session)).hasSize(2);
        // Stripe's refund.created webhooks arrive too: each refund is still announced once.
        java.util.Set<String> refundIds = FakeStripe.shared().refundsOf(session).stream().map(FakeStripe.Refund::id)
                .collect(java.util.stream.Collectors.toSet());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> FakeStripe.shared().deliveries().stream()
                .filter(d -> "refund.created".equals(d.type()) && d.status() == 200)
                .filter(d -> refundIds.contains(d.objectId())).count() == 2);
        assertThat(recorder.of(PaymentRefunded.class, paymentId)).hasSize(2);
    }

    @Test
    void withoutKeysOnlinePaymentIsNotOfferedAndARefusedKeyFailsThePayment() {
        Account admin = PaymentsTesting.business(port, "Sans clés", "EUR", "Europe/Paris");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "15.00", "EUR");
        Map<String, String> body = Map.of("amount", "15", "successUrl", "https://x.example.test/ok",
                "cancelUrl", "https://x.example.test/ko");

        Api.as(port, admin).body(body).post("/api/v1/payments/orders/" + order + "/checkout")
                .then().spec(Api.problem(409, "online-payment-unavailable"));
        assertThat(tenants.callAs(admin.tenantId(), payments::onlineAvailable)).isFalse();

        // Keys Stripe does not know (revoked in its dashboard): Stripe answers 401, the payment fails.
        Api.as(port, admin).body(Map.of("secretKey", "sk_test_51Revoked" + UUID.randomUUID().toString().replace("-", ""),
                "webhookSecret", "whsec_revoked0123456789")).put("/api/v1/payments/settings/stripe").then().statusCode(200);
        assertThat(tenants.callAs(admin.tenantId(), payments::onlineAvailable)).isTrue();
        Api.as(port, admin).body(body).post("/api/v1/payments/orders/" + order + "/checkout")
                .then().spec(Api.problem(502, "payment-provider-error")).body("retryable", equalTo(false));
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then()
                .body("payments[0].status", equalTo("FAILED")).body("summary.state", equalTo("UNPAID"));
    }

    @Test
    void aCheckoutStartedByAPublicPageRunsUnderTheBusinessWithoutASignedInUser() {
        Account admin = PaymentsTesting.business(port, "Page publique", "XOF", "Africa/Dakar");
        PaymentsTesting.connectStripe(port, admin, true);
        UUID booking = UUID.randomUUID();
        tenants.runAs(admin.tenantId(), () -> payments.expect(PaymentSubject.booking(booking),
                new java.math.BigDecimal("25000"), "XOF"));

        OnlineCheckout checkout = tenants.callAs(admin.tenantId(), () -> payments.startCheckout(
                PaymentSubject.booking(booking), new CheckoutRequest(new java.math.BigDecimal("25000"),
                        "Contrôle technique", null, "https://ct.example.test/ok", "https://ct.example.test/ko", null),
                "booking-" + booking));

        assertThat(checkout.redirectUrl()).startsWith(FakeStripe.shared().apiBase() + "/pay/cs_test_");
        assertThat(tenants.callAs(admin.tenantId(), payments::testMode)).isTrue();
        assertThat(tenants.callAs(admin.tenantId(), () -> payments.summary(PaymentSubject.booking(booking)).state()))
                .isEqualTo(PaymentState.UNPAID);
    }
}
