package app.comptoir.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
 * Payments received on site, over the API: recorded with their reference and note, moving a subject from UNPAID to
 * PARTLY_PAID, PAID and, once given back, REFUNDED; retried safely with an Idempotency-Key; the day's cash drawer
 * per method in the business's zone and currency (XOF without decimals, EUR with); every bad input answered with a
 * problem naming the field; recording and refunding kept to the roles the matrix gives them.
 */
@IntegrationTest
class OnSitePaymentsIT {

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    TenantContext tenants;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private final PaymentsTesting.Recorder recorder = new PaymentsTesting.Recorder();

    @BeforeEach
    void listen() {
        multicaster.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        multicaster.removeApplicationListener(recorder);
    }

    private JsonPath record(Account who, UUID order, String method, String amount, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("method", method, "amount", amount));
        if (reference != null) {
            body.put("reference", reference);
        }
        return Api.as(port, who).body(body).post("/api/v1/payments/orders/" + order + "/on-site")
                .then().statusCode(201).extract().jsonPath();
    }

    private String state(Account who, UUID order) {
        return Api.as(port, who).get("/api/v1/payments/orders/" + order).then().statusCode(200)
                .extract().path("summary.state");
    }

    @Test
    void aSubjectGoesFromUnpaidToPartlyPaidToPaidToRefunded() {
        Account admin = PaymentsTesting.business(port, "Sur place", "EUR", "Europe/Paris");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "50.00", "EUR");
        assertThat(state(admin, order)).isEqualTo("UNPAID");

        JsonPath cash = record(admin, order, "CASH", "20", null);
        assertThat(state(admin, order)).isEqualTo("PARTLY_PAID");
        JsonPath card = record(admin, order, "CARD_TERMINAL", "30.00", "Ticket 0042");
        assertThat(state(admin, order)).isEqualTo("PAID");

        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then()
                .body("summary.due", equalTo(50.0f)).body("summary.paid", equalTo(50.0f))
                .body("toCollect", equalTo(0.0f)).body("payments.size()", equalTo(2))
                .body("payments.find { it.method == 'CARD_TERMINAL' }.reference", equalTo("Ticket 0042"))
                .body("payments.find { it.method == 'CARD_TERMINAL' }.recordedBy", equalTo(admin.userId().toString()));
        assertThat(cash.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(cash.getString("provider")).isEqualTo("on-site");
        assertThat(recorder.of(PaymentSucceeded.class, UUID.fromString(card.getString("id")))).singleElement()
                .satisfies(e -> assertThat(e.method()).isEqualTo(PaymentMethod.CARD_TERMINAL));

        JsonPath partial = Api.as(port, admin).body(Map.of("amount", "5", "reason", "Geste commercial"))
                .post("/api/v1/payments/orders/" + order + "/refunds").then().statusCode(201).extract().jsonPath();
        assertThat(partial.getString("parts[0].method")).isEqualTo("CARD_TERMINAL"); // the most recent payment first
        assertThat(state(admin, order)).isEqualTo("PARTLY_PAID");

        Api.as(port, admin).body(Map.of("amount", "45")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().statusCode(201).body("parts.size()", equalTo(2));
        assertThat(state(admin, order)).isEqualTo("REFUNDED");
        assertThat(recorder.of(PaymentRefunded.class, UUID.fromString(cash.getString("id")))).hasSize(1);
        Api.as(port, admin).body(Map.of("amount", "1")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("amount"));
    }

    @Test
    void aCancelledOrderPaidInFullStaysPaidUntilRefundedAndASubjectNeverExpectedIsUnpaid() {
        Account admin = PaymentsTesting.business(port, "Annulée", "EUR", "Europe/Paris");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "10.00", "EUR");
        record(admin, order, "CASH", "10", null);

        tenants.runAs(admin.tenantId(), () -> payments.expect(PaymentSubject.order(order), java.math.BigDecimal.ZERO, "EUR"));

        PaymentSummary summary = tenants.callAs(admin.tenantId(), () -> payments.summary(PaymentSubject.order(order)));
        assertThat(summary.state()).isEqualTo(PaymentState.PAID);
        assertThat(summary.toCollect()).isEqualByComparingTo("0");
        UUID unknown = UUID.randomUUID();
        Map<UUID, PaymentSummary> both = tenants.callAs(admin.tenantId(),
                () -> payments.summaries(SubjectType.ORDER, java.util.List.of(order, unknown)));
        assertThat(both.get(unknown).state()).isEqualTo(PaymentState.UNPAID);
        assertThat(both.get(unknown).due()).isEqualByComparingTo("0");
        assertThat(both.get(order).paid()).isEqualByComparingTo("10");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        Account admin = PaymentsTesting.business(port, "Rejeu", "EUR", "Europe/Paris");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "30.00", "EUR");
        Map<String, Object> body = Map.of("method", "CHEQUE", "amount", "30", "reference", "CHQ 1234567");

        String first = Api.as(port, admin).header("Idempotency-Key", "cheque-1").body(body)
                .post("/api/v1/payments/orders/" + order + "/on-site").then().statusCode(201).extract().path("id");
        String again = Api.as(port, admin).header("Idempotency-Key", "cheque-1").body(body)
                .post("/api/v1/payments/orders/" + order + "/on-site").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(again).isEqualTo(first);
        Api.as(port, admin).get("/api/v1/payments/orders/" + order).then().body("payments.size()", equalTo(1));
        Api.as(port, admin).header("Idempotency-Key", "cheque-1").body(Map.of("method", "CASH", "amount", "30"))
                .post("/api/v1/payments/orders/" + order + "/on-site").then().spec(Api.problem(422, "idempotency-key-reused"));
    }

    @Test
    void theCashDrawerCountsTheDayPerMethodInTheBusinessCurrencyAndZone() {
        Account dakar = PaymentsTesting.business(port, "Caisse XOF", "XOF", "Africa/Dakar");
        UUID first = PaymentsTesting.dueOrder(payments, tenants, dakar, "17500", "XOF");
        UUID second = PaymentsTesting.dueOrder(payments, tenants, dakar, "5000", "XOF");
        record(dakar, first, "CASH", "15000", null);
        record(dakar, first, "CASH", "2500", null);
        record(dakar, second, "CARD_TERMINAL", "5000", null);
        Api.as(port, dakar).body(Map.of("amount", "2500", "reason", "Sac déchiré"))
                .post("/api/v1/payments/orders/" + first + "/refunds").then().statusCode(201);

        JsonPath drawer = Api.as(port, dakar).get("/api/v1/payments/cash-drawer").then().statusCode(200)
                .extract().jsonPath();
        assertThat(drawer.getString("day")).isEqualTo(LocalDate.now(ZoneId.of("Africa/Dakar")).toString());
        assertThat(drawer.getString("currency")).isEqualTo("XOF");
        assertThat(drawer.getString("cashReceived")).isEqualTo("17500");
        assertThat(drawer.getString("cashRefunded")).isEqualTo("2500");
        assertThat(drawer.getString("cashNet")).isEqualTo("15000");
        assertThat(drawer.getString("totalNet")).isEqualTo("20000");
        assertThat(drawer.getString("methods.find { it.method == 'CARD_TERMINAL' }.received")).isEqualTo("5000");
        assertThat(drawer.getInt("methods.find { it.method == 'CASH' }.payments")).isEqualTo(2);

        Account lyon = PaymentsTesting.business(port, "Caisse EUR", "EUR", "Europe/Paris");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, lyon, "35.80", "EUR");
        record(lyon, order, "CASH", "12.50", null);
        record(lyon, order, "TRANSFER", "23.30", "VIR-889");
        JsonPath euros = Api.as(port, lyon).get("/api/v1/payments/cash-drawer").then().statusCode(200).extract().jsonPath();
        assertThat(euros.getString("currency")).isEqualTo("EUR");
        assertThat(euros.getFloat("cashNet")).isEqualTo(12.5f);
        assertThat(euros.getFloat("totalNet")).isEqualTo(35.8f);

        String yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString();
        Api.as(port, lyon).queryParam("day", yesterday).get("/api/v1/payments/cash-drawer").then()
                .body("cashNet", equalTo(0.0f)).body("totalReceived", equalTo(0.0f));
        Api.as(port, lyon).queryParam("method", "CASH").get("/api/v1/payments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].amount", equalTo(12.5f));
        Api.as(port, lyon).queryParam("from", yesterday).queryParam("to", yesterday).get("/api/v1/payments").then()
                .body("total", equalTo(0));
    }

    @Test
    void everyBadInputIsAProblemNamingTheField() {
        Account admin = PaymentsTesting.business(port, "Saisies", "XOF", "Africa/Dakar");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "10000", "XOF");
        String path = "/api/v1/payments/orders/" + order + "/on-site";

        Map<String, Object>[] bad = new Map[] {
                Map.of("method", "CASH", "amount", "0"),
                Map.of("method", "CASH", "amount", "-5"),
                Map.of("method", "CASH", "amount", "12.5"),
                Map.of("method", "CASH", "amount", "10001"),
                Map.of("method", "CASH"),
                Map.of("method", "CARD_ONLINE", "amount", "100"),
                Map.of("amount", "100"),
                Map.of("method", "CASH", "amount", "100", "reference", "x".repeat(121)),
                Map.of("method", "CASH", "amount", "100", "note", "x".repeat(501)),
        };
        String[] fields = {"amount", "amount", "amount", "amount", "amount", "method", "method", "reference", "note"};
        for (int i = 0; i < bad.length; i++) {
            Api.as(port, admin).body(bad[i]).post(path).then().spec(Api.problem(400, "validation"))
                    .body("errors.field", hasItems(fields[i]));
        }
        Api.as(port, admin).body("{\"method\":\"BITCOIN\",\"amount\":100}").post(path)
                .then().spec(Api.problem(400, "wrong-type")).body("errors.field", hasItems("method"));
        Api.as(port, admin).body("{\"method\":\"CASH\",\"amount\":\"beaucoup\"}").post(path)
                .then().spec(Api.problem(400, "wrong-type")).body("errors.field", hasItems("amount"));
        Api.as(port, admin).header("Idempotency-Key", "x".repeat(101)).body(Map.of("method", "CASH", "amount", "100"))
                .post(path).then().spec(Api.problem(400, "validation")).body("errors.field", hasItems("Idempotency-Key"));
        Api.as(port, admin).body(Map.of("method", "CASH", "amount", "100"))
                .post("/api/v1/payments/orders/" + UUID.randomUUID() + "/on-site").then().spec(Api.problem(404, "not-found"));
        Api.as(port, admin).body(Map.of("amount", "100")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItems("amount"));
        Api.as(port, admin).queryParam("day", "hier").get("/api/v1/payments/cash-drawer")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItems("day"));
        Api.as(port, admin).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get("/api/v1/payments")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItems("to"));
        Api.as(port, admin).queryParam("size", "500").get("/api/v1/payments").then().spec(Api.problem(400, "validation"));
        assertThat(state(admin, order)).isEqualTo("UNPAID");
    }

    @Test
    void managersRecordAndRefundViewersAndDriversOnlyRead() {
        Account admin = PaymentsTesting.business(port, "Rôles paiement", "EUR", "Europe/Paris");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Account driver = Api.newUser(port, admin, "DRIVER");
        UUID order = PaymentsTesting.dueOrder(payments, tenants, admin, "40.00", "EUR");
        Map<String, Object> cash = Map.of("method", "CASH", "amount", "10");

        Api.as(port, viewer).body(cash).post("/api/v1/payments/orders/" + order + "/on-site").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, driver).body(cash).post("/api/v1/payments/orders/" + order + "/on-site").then().spec(Api.problem(403, "forbidden"));
        record(manager, order, "CASH", "10", null);
        Api.as(port, viewer).get("/api/v1/payments/orders/" + order).then().statusCode(200).body("summary.paid", equalTo(10.0f));
        Api.as(port, viewer).body(Map.of("amount", "5")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().spec(Api.problem(403, "forbidden"));
        Api.as(port, manager).body(Map.of("amount", "5")).post("/api/v1/payments/orders/" + order + "/refunds")
                .then().statusCode(201);
        Api.as(port, driver).get("/api/v1/payments/cash-drawer").then().statusCode(403);

        // Another business sees none of it.
        Account other = Api.newBusiness(port, "Voisin");
        Api.as(port, other).get("/api/v1/payments/orders/" + order).then().statusCode(200)
                .body("summary.paid", equalTo(0.0f)).body("payments.size()", equalTo(0));
        Api.as(port, other).get("/api/v1/payments").then().body("items.subject.id", not(hasItems(order.toString())));
    }
}
