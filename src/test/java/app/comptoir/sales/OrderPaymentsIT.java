package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.payments.FakeStripe;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SqlStatementCounter;

/**
 * The payment of orders over real HTTP: what an order owes through its workflow, payments in part and in full, the
 * driver collecting at the door, online payment links through the fake Stripe, refunds (by hand and from a return),
 * who may do what, refused amounts as problem details, the list's statement budget, orders from before payments,
 * the dashboard's figures and the demo businesses' payments.
 */
@IntegrationTest
class OrderPaymentsIT {

    @LocalServerPort
    int port;

    @Autowired
    SqlStatementCounter sql;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** A shop selling a 10.00 € (excl. VAT, 20 %) pot: two of them come to 24.00 € VAT included. */
    private static SalesApi shop(int port) {
        return SalesApi.newShop(port);
    }

    private static String pot(SalesApi shop) {
        return shop.stocked("Pot", "POT-" + UUID.randomUUID().toString().substring(0, 6), "10.00", 20, 100);
    }

    private static String confirmed(SalesApi shop, String pot) {
        String id = shop.order(pot, 2).getString("id");
        shop.move(id, "CONFIRMED");
        return id;
    }

    private static BigDecimal amount(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private static JsonPath payment(SalesApi shop, String id) {
        return shop.call().get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> paid(String method, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", method);
        body.put("amount", amount);
        return body;
    }

    @Test
    void anOrderOwesItsTotalOnceConfirmedAndItsStateFollowsWhatIsPaid() {
        SalesApi shop = shop(port);
        String pot = pot(shop);
        String id = shop.order(pot, 2).getString("id");
        JsonPath draft = payment(shop, id);
        assertThat(draft.getString("payment.state")).isEqualTo("UNPAID");
        assertThat(amount(draft, "payment.due")).isEqualByComparingTo("0.00");
        assertThat(amount(draft, "payment.toCollect")).isEqualByComparingTo("0.00");
        shop.call().body(paid("CASH", "5.00")).post("/api/v1/orders/" + id + "/payments")
                .then().spec(Api.problem(409, "order-not-payable"));

        JsonPath confirmedOrder = shop.move(id, "CONFIRMED");
        assertThat(confirmedOrder.getString("payment.state")).isEqualTo("UNPAID");
        assertThat(amount(confirmedOrder, "payment.due")).isEqualByComparingTo("24.00");
        assertThat(amount(confirmedOrder, "payment.toCollect")).isEqualByComparingTo("24.00");

        JsonPath first = shop.call().body(paid("CASH", "10.00")).post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(201).extract().jsonPath();
        assertThat(first.getString("payment.method")).isEqualTo("CASH");
        assertThat(amount(first, "payment.amount")).isEqualByComparingTo("10.00");
        assertThat(first.getString("order.state")).isEqualTo("PARTLY_PAID");
        assertThat(amount(first, "order.toCollect")).isEqualByComparingTo("14.00");

        Map<String, Object> card = paid("CARD_TERMINAL", "14");
        card.put("reference", "Ticket 004512");
        shop.call().body(card).post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("order.state", equalTo("PAID")).body("order.toCollect", equalTo(0.00f));
        JsonPath order = payment(shop, id);
        assertThat(order.getString("payment.state")).isEqualTo("PAID");
        assertThat(amount(order, "payment.paid")).isEqualByComparingTo("24.00");
        assertThat(amount(order, "payment.refunded")).isEqualByComparingTo("0.00");

        JsonPath statement = shop.call().get("/api/v1/orders/" + id + "/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(statement.getList("payments.method")).containsExactly("CARD_TERMINAL", "CASH");
        assertThat(statement.getString("payments[0].reference")).isEqualTo("Ticket 004512");
        assertThat(statement.getString("payments[0].recordedBy")).isEqualTo(shop.admin.userId().toString());
        assertThat(statement.getBoolean("onlineAvailable")).isFalse();

        // Nothing is left: one more cent is refused, naming the amount.
        shop.call().body(paid("CASH", "0.01")).post("/api/v1/orders/" + id + "/payments")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        // The list shows every order's payment, from the same statement.
        JsonPath list = shop.call().get("/api/v1/orders").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("items.find { it.id == '" + id + "' }.payment.state")).isEqualTo("PAID");
    }

    @Test
    void aRetriedPaymentWithTheSameIdempotencyKeyIsRecordedOnce() {
        SalesApi shop = shop(port);
        String id = confirmed(shop, pot(shop));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            shop.call().header("Idempotency-Key", key).body(paid("TRANSFER", "24.00"))
                    .post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                    .body("order.state", equalTo("PAID"));
        }
        assertThat(shop.call().get("/api/v1/orders/" + id + "/payments").then().statusCode(200).extract().jsonPath()
                .getList("payments")).hasSize(1);
        shop.call().header("Idempotency-Key", key).body(paid("TRANSFER", "20.00"))
                .post("/api/v1/orders/" + id + "/payments").then().spec(Api.problem(422, "idempotency-key-reused"));
    }

    @Test
    void badAmountsAndMethodsAreProblemsNamingTheirField() {
        SalesApi shop = shop(port);
        String id = confirmed(shop, pot(shop));
        String path = "/api/v1/orders/" + id + "/payments";
        shop.call().body(paid("CASH", "-5")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("CASH", "0")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("CASH", "1.234")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("CASH", "24.01")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("CASH", "beaucoup")).post(path).then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("BITCOIN", "5")).post(path).then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("method"));
        shop.call().body(paid("CARD_ONLINE", "5")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("method"));
        shop.call().body(Map.of("amount", "5")).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("method"));
        shop.call().post(path).then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        Map<String, Object> longReference = paid("CHEQUE", "5");
        longReference.put("reference", "x".repeat(121));
        shop.call().body(longReference).post(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("reference"));
        shop.call().body(Map.of("amount", "-1")).post("/api/v1/orders/" + id + "/refunds")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        shop.call().body(paid("CASH", "5")).post("/api/v1/orders/" + UUID.randomUUID() + "/payments")
                .then().spec(Api.problem(404, "not-found"));
        // Nothing was recorded by any of them.
        assertThat(amount(payment(shop, id), "payment.paid")).isEqualByComparingTo("0");
    }

    @Test
    void aCancelledOrderOwesNothingAndWhatWasPaidOnItIsRefundedByHand() {
        SalesApi shop = shop(port);
        String pot = pot(shop);
        String unpaid = confirmed(shop, pot);
        JsonPath cancelled = shop.call().body(Map.of("note", "Le client a changé d'avis"))
                .post("/api/v1/orders/" + unpaid + "/cancel").then().statusCode(200).extract().jsonPath();
        assertThat(amount(cancelled, "payment.due")).isEqualByComparingTo("0.00");
        assertThat(amount(cancelled, "payment.toCollect")).isEqualByComparingTo("0.00");
        shop.call().body(paid("CASH", "1")).post("/api/v1/orders/" + unpaid + "/payments")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));

        String paidFirst = confirmed(shop, pot);
        shop.call().body(paid("CARD_TERMINAL", "24")).post("/api/v1/orders/" + paidFirst + "/payments")
                .then().statusCode(201);
        shop.call().post("/api/v1/orders/" + paidFirst + "/cancel").then().statusCode(200)
                .body("payment.state", equalTo("PAID")).body("payment.due", equalTo(0.00f));
        shop.call().body(Map.of("amount", "24.01")).post("/api/v1/orders/" + paidFirst + "/refunds")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        JsonPath refund = shop.call().body(Map.of("amount", "24.00", "reason", "Commande annulée"))
                .post("/api/v1/orders/" + paidFirst + "/refunds").then().statusCode(201).extract().jsonPath();
        assertThat(amount(refund, "amount")).isEqualByComparingTo("24.00");
        assertThat(refund.getString("parts[0].method")).isEqualTo("CARD_TERMINAL");
        assertThat(refund.getString("parts[0].status")).isEqualTo("SUCCEEDED");
        assertThat(payment(shop, paidFirst).getString("payment.state")).isEqualTo("REFUNDED");
    }

    @Test
    void theDriverCollectsAtTheDoorWithTheDeliveryOfTheirOwnOrdersOnly() {
        SalesApi shop = shop(port);
        String pot = pot(shop);
        Account driver = shop.user("DRIVER");
        Account other = shop.user("DRIVER");
        String id = onTheRoad(shop, pot, driver);

        // More than is owed: refused, naming the amount, and the order stays out for delivery.
        shop.as(driver).body(Map.of("status", "DELIVERED", "collected", paid("CASH", "30.00")))
                .patch("/api/v1/orders/" + id + "/status").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("amount"));
        assertThat(payment(shop, id).getString("status")).isEqualTo("OUT_FOR_DELIVERY");
        // A transfer is the office's.
        shop.as(driver).body(Map.of("status", "DELIVERED", "collected", paid("TRANSFER", "24.00")))
                .patch("/api/v1/orders/" + id + "/status").then().spec(Api.problem(403, "forbidden"));
        // Another driver does not even see it.
        shop.as(other).body(paid("CASH", "24.00")).post("/api/v1/orders/" + id + "/payments")
                .then().spec(Api.problem(404, "not-found"));

        JsonPath delivered = shop.as(driver).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("status", "DELIVERED", "note", "Remis en main propre", "collected", paid("CASH", "24.00")))
                .patch("/api/v1/orders/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivered.getString("payment.state")).isEqualTo("PAID");
        JsonPath statement = shop.as(driver).get("/api/v1/orders/" + id + "/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(statement.getString("payments[0].method")).isEqualTo("CASH");
        assertThat(statement.getString("payments[0].recordedBy")).isEqualTo(driver.userId().toString());

        // Collecting after the delivery: the rest of an order paid in part at the door, cash or card only.
        String partly = onTheRoad(shop, pot, driver);
        shop.as(driver).body(Map.of("status", "DELIVERED", "collected", paid("CARD_TERMINAL", "20.00")))
                .patch("/api/v1/orders/" + partly + "/status").then().statusCode(200)
                .body("payment.state", equalTo("PARTLY_PAID")).body("payment.toCollect", equalTo(4.00f));
        shop.as(driver).body(paid("CHEQUE", "4.00")).post("/api/v1/orders/" + partly + "/payments")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(driver).body(paid("CASH", "4.00")).post("/api/v1/orders/" + partly + "/payments")
                .then().statusCode(201).body("order.state", equalTo("PAID"));

        // An order still at the shop is not the driver's to collect.
        String atTheShop = shop.order(pot, 2).getString("id");
        shop.move(atTheShop, "CONFIRMED");
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + atTheShop + "/assign-driver")
                .then().statusCode(200);
        shop.as(driver).body(paid("CASH", "24.00")).post("/api/v1/orders/" + atTheShop + "/payments")
                .then().spec(Api.problem(409, "order-not-out-for-delivery"));
    }

    private static String onTheRoad(SalesApi shop, String pot, Account driver) {
        String id = shop.order(pot, 2).getString("id");
        shop.move(id, "CONFIRMED");
        shop.move(id, "PREPARING");
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + id + "/assign-driver")
                .then().statusCode(200);
        shop.as(driver).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    @Test
    void rolesDecideWhoRecordsLinksAndRefunds() {
        SalesApi shop = shop(port);
        String id = confirmed(shop, pot(shop));
        Account viewer = shop.user("VIEWER");
        Account manager = shop.user("MANAGER");
        Account driver = shop.user("DRIVER");
        shop.as(viewer).get("/api/v1/orders/" + id).then().statusCode(200).body("payment.state", equalTo("UNPAID"));
        shop.as(viewer).body(paid("CASH", "5")).post("/api/v1/orders/" + id + "/payments")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(viewer).body(Map.of()).post("/api/v1/orders/" + id + "/payment-link")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(driver).body(Map.of()).post("/api/v1/orders/" + id + "/payment-link")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(manager).body(paid("CASH", "5")).post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        shop.as(viewer).body(Map.of("amount", "5")).post("/api/v1/orders/" + id + "/refunds")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(driver).body(Map.of("amount", "5")).post("/api/v1/orders/" + id + "/refunds")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(manager).body(Map.of("amount", "5")).post("/api/v1/orders/" + id + "/refunds").then().statusCode(201);
        // Without Stripe keys, no link.
        shop.as(manager).body(Map.of()).post("/api/v1/orders/" + id + "/payment-link")
                .then().spec(Api.problem(409, "online-payment-unavailable"));
    }

    @Test
    void aPaymentLinkAsksStripeForWhatIsLeftAndItsWebhookMarksTheOrderPaid() {
        SalesApi shop = shop(port);
        FakeStripe.Account stripe = connectStripe(shop);
        String id = confirmed(shop, pot(shop));
        shop.call().body(paid("CASH", "4.00")).post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        assertThat(shop.call().get("/api/v1/orders/" + id + "/payments").then().statusCode(200).extract()
                .jsonPath().getBoolean("onlineAvailable")).isTrue();

        JsonPath link = shop.call().body(Map.of()).post("/api/v1/orders/" + id + "/payment-link")
                .then().statusCode(201).extract().jsonPath();
        String url = link.getString("redirectUrl");
        String session = url.substring(url.lastIndexOf('/') + 1);
        FakeStripe.Session asked = FakeStripe.shared().session(session);
        assertThat(asked.amountTotal).isEqualTo(2000);
        assertThat(asked.successUrl()).isEqualTo("http://localhost:" + port + "/pay/" + shop.admin.tenantSlug()
                + "/orders/" + id);
        assertThat(asked.params.get("line_items[0][price_data][product_data][name]")).contains("CMD-");
        // A bigger amount than is left is refused.
        shop.call().body(Map.of("amount", "20.01")).post("/api/v1/orders/" + id + "/payment-link")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
        JsonPath pending = shop.call().get("/api/v1/orders/" + id + "/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(pending.getList("payments.status")).contains("PENDING");

        FakeStripe.Delivery delivery = stripe.pay(session);
        assertThat(delivery.status()).isEqualTo(200);
        JsonPath order = payment(shop, id);
        assertThat(order.getString("payment.state")).isEqualTo("PAID");
        assertThat(amount(order, "payment.paid")).isEqualByComparingTo("24.00");
        shop.call().body(Map.of()).post("/api/v1/orders/" + id + "/payment-link")
                .then().spec(Api.problem(409, "order-paid"));
        // The customer's way back: the business's public page says it is paid.
        Api.given(port).get("/pay/" + shop.admin.tenantSlug() + "/orders/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-payment-return=\"PAID\""));
    }

    @Test
    void aReturnGivesBackWhatWasPaidBeyondWhatTheOrderStillOwesOnlineThroughStripe() {
        SalesApi shop = shop(port);
        FakeStripe.Account stripe = connectStripe(shop);
        String pot = pot(shop);
        // Paid online in full, delivered, one pot of two comes back: 12.00 goes back to the card through Stripe.
        String online = confirmed(shop, pot);
        String url = shop.call().body(Map.of()).post("/api/v1/orders/" + online + "/payment-link").then()
                .statusCode(201).extract().path("redirectUrl");
        stripe.pay(url.substring(url.lastIndexOf('/') + 1));
        deliver(shop, online);
        String line = payment(shop, online).getString("lines[0].id");
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "reason", "Pot fêlé"))
                .post("/api/v1/orders/" + online + "/returns").then().statusCode(201);
        JsonPath refunded = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> payment(shop, online), o -> amount(o, "payment.refunded").compareTo(new BigDecimal("12")) == 0);
        assertThat(amount(refunded, "payment.due")).isEqualByComparingTo("12.00");
        assertThat(refunded.getString("payment.state")).isEqualTo("PAID");
        assertThat(amount(refunded, "payment.toCollect")).isEqualByComparingTo("0.00");
        assertThat(FakeStripe.shared().requests(stripe.secretKey).stream()
                .filter(r -> r.path().equals("/v1/refunds")).map(r -> r.form().get("amount"))).containsExactly("1200");

        // Paid in cash, everything comes back: all of it is given back, as cash.
        String cash = confirmed(shop, pot);
        shop.call().body(paid("CASH", "24.00")).post("/api/v1/orders/" + cash + "/payments").then().statusCode(201);
        deliver(shop, cash);
        shop.call().body(Map.of("reason", "Erreur de commande")).post("/api/v1/orders/" + cash + "/returns")
                .then().statusCode(201);
        JsonPath back = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> payment(shop, cash), o -> "REFUNDED".equals(o.getString("payment.state")));
        assertThat(amount(back, "payment.refunded")).isEqualByComparingTo("24.00");

        // Unpaid, a pot comes back: nothing to give back, the order owes a pot less.
        String unpaid = confirmed(shop, pot);
        deliver(shop, unpaid);
        String unpaidLine = payment(shop, unpaid).getString("lines[0].id");
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", unpaidLine, "quantity", 1))))
                .post("/api/v1/orders/" + unpaid + "/returns").then().statusCode(201)
                .body("payment.due", equalTo(12.00f)).body("payment.refunded", equalTo(0.00f))
                .body("payment.state", equalTo("UNPAID"));
    }

    private static void deliver(SalesApi shop, String id) {
        shop.move(id, "PREPARING");
        shop.move(id, "OUT_FOR_DELIVERY");
        shop.move(id, "DELIVERED");
    }

    private FakeStripe.Account connectStripe(SalesApi shop) {
        FakeStripe.Account stripe = FakeStripe.shared().account(true);
        shop.call().body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200);
        stripe.sendWebhooksTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook/" + shop.admin.tenantSlug());
        return stripe;
    }

    @Test
    void theOrderListStillCostsAFixedNumberOfStatementsWithItsPayments() {
        SalesApi shop = shop(port);
        String pot = pot(shop);
        String first = confirmed(shop, pot);
        int listOfOne = statements(shop, "/api/v1/orders");
        int detailOfOne = statements(shop, "/api/v1/orders/" + first);
        for (int i = 0; i < 6; i++) {
            String id = confirmed(shop, pot);
            shop.call().body(paid(i % 2 == 0 ? "CASH" : "CHEQUE", i < 3 ? "24.00" : "10.00"))
                    .post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        }
        // The orders, their count, then every order's payment in one statement (and the transaction's tenant).
        assertThat(statements(shop, "/api/v1/orders")).isEqualTo(listOfOne).isLessThanOrEqualTo(4);
        assertThat(statements(shop, "/api/v1/orders/" + first)).isEqualTo(detailOfOne).isLessThanOrEqualTo(4);
    }

    private int statements(SalesApi shop, String path) {
        // Once first, so that what the security chain and the business's profile keep a few seconds in this node's
        // memory (whether the account is still active: 5 s) is there: reading it again is not the list's cost.
        shop.call().get(path).then().statusCode(200);
        String requestId = UUID.randomUUID().toString();
        shop.call().header("X-Request-Id", requestId).get(path).then().statusCode(200);
        return sql.statements(requestId);
    }

    @Test
    void anOrderFromBeforePaymentsOwesItsTotalAndPaymentsHearsOfItAtItsFirstPayment() {
        SalesApi shop = shop(port);
        String id = confirmed(shop, pot(shop));
        // As if confirmed before payments existed: payments never heard of it.
        tenantContext.runAs(shop.admin.tenantId(), () -> new TransactionTemplate(transactions).executeWithoutResult(s ->
                jdbc.update("delete from payment_dues where tenant_id = ? and subject_id = ?", shop.admin.tenantId(),
                        UUID.fromString(id))));
        JsonPath before = payment(shop, id);
        assertThat(before.getString("payment.state")).isEqualTo("UNPAID");
        assertThat(amount(before, "payment.due")).isEqualByComparingTo("24.00");
        assertThat(amount(before, "payment.toCollect")).isEqualByComparingTo("24.00");
        shop.call().body(paid("CASH", "24.00")).post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("order.state", equalTo("PAID"));
        Integer dues = tenantContext.callAs(shop.admin.tenantId(), () -> new TransactionTemplate(transactions).execute(s ->
                jdbc.queryForObject("select count(*) from payment_dues where tenant_id = ? and subject_id = ?",
                        Integer.class, shop.admin.tenantId(), UUID.fromString(id))));
        assertThat(dues).isEqualTo(1);
    }

    @Test
    void theDashboardShowsWhatIsLeftToCollectAndTodaysTakingsPerMethod() {
        SalesApi shop = shop(port);
        String pot = pot(shop);
        String out = confirmed(shop, pot);
        shop.move(out, "PREPARING");
        shop.move(out, "OUT_FOR_DELIVERY");
        String delivered = confirmed(shop, pot);
        shop.call().body(paid("CHEQUE", "10.00")).post("/api/v1/orders/" + delivered + "/payments").then().statusCode(201);
        deliver(shop, delivered);
        String settled = confirmed(shop, pot);
        shop.call().body(paid("CASH", "24.00")).post("/api/v1/orders/" + settled + "/payments").then().statusCode(201);
        deliver(shop, settled);
        confirmed(shop, pot); // at the shop: not counted

        JsonPath figures = shop.call().get("/api/v1/dashboard/payments").then().statusCode(200).extract().jsonPath();
        assertThat(figures.getLong("toCollect.outForDelivery")).isEqualTo(1);
        assertThat(amount(figures, "toCollect.outForDeliveryAmount")).isEqualByComparingTo("24.00");
        assertThat(figures.getLong("toCollect.delivered")).isEqualTo(1);
        assertThat(amount(figures, "toCollect.deliveredAmount")).isEqualByComparingTo("14.00");
        assertThat(amount(figures, "today.received.CASH")).isEqualByComparingTo("24.00");
        assertThat(amount(figures, "today.received.CHEQUE")).isEqualByComparingTo("10.00");
        assertThat(amount(figures, "today.totalReceived")).isEqualByComparingTo("34.00");
    }

    @Test
    void theDemoDeliveryBusinessesOrdersCarryTheirPayments() {
        String garden = Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        JsonPath delivered = Api.as(port, garden).queryParam("status", "DELIVERED").queryParam("size", 100)
                .get("/api/v1/orders").then().statusCode(200).extract().jsonPath();
        List<String> states = delivered.getList("items.payment.state");
        assertThat(states.stream().filter("PAID"::equals).count()).isGreaterThan(states.size() / 2);
        JsonPath figures = Api.as(port, garden).get("/api/v1/dashboard/payments").then().statusCode(200).extract()
                .jsonPath();
        assertThat(figures.getLong("toCollect.outForDelivery")).isPositive();

        String express = Api.token(port, "manager@express-livraison.demo", Api.DEMO_PASSWORD);
        JsonPath all = Api.as(port, express).queryParam("size", 100).get("/api/v1/orders").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> orders = all.getList("items");
        assertThat(orders).anySatisfy(o -> assertThat(o).containsEntry("status", "DELIVERED")
                .extractingByKey("payment").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("state", "REFUNDED"));
        assertThat(orders).anySatisfy(o -> assertThat(o).containsEntry("status", "DELIVERED")
                .extractingByKey("payment").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("state", "PARTLY_PAID"));
        assertThat(orders).anySatisfy(o -> assertThat(o).containsEntry("status", "OUT_FOR_DELIVERY")
                .extractingByKey("payment").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("state", "UNPAID"));
        assertThat(orders).anySatisfy(o -> assertThat(o).containsEntry("status", "OUT_FOR_DELIVERY")
                .extractingByKey("payment").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("state", "PAID"));
    }
}
