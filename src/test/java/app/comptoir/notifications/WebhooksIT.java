package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import app.comptoir.notifications.application.WebhookDeliveries;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * Outgoing webhooks end to end: a receiver started by the test gets the business's events signed, a failing
 * receiver gets them again until it answers 2xx, a delivery can be replayed, and nothing crosses businesses.
 */
@IntegrationTest
class WebhooksIT {

    /** db-scheduler's task that sends one delivery (instance id: business:delivery). */
    private static final String TASK = "notifications-webhook-delivery";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anOrderCreatedThroughTheApiReachesTheReceiverSignedWithTheEndpointsSecret() throws Exception {
        Account admin = Api.newBusiness(port, "Webhooks");
        JsonPath endpoint = register(admin, receiver.url(), List.of("order.created", "order.confirmed"));
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");

        String orderId = order(admin);

        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received got = receiver.received().getFirst();
        assertThat(WebhookReceiver.verify(secret, got.header("Comptoir-Signature"), got.body(), Duration.ofMinutes(5)))
                .as("signature verified with the docs' code").isTrue();
        assertThat(WebhookReceiver.verify("whsec_wrong", got.header("Comptoir-Signature"), got.body(),
                Duration.ofMinutes(5))).isFalse();
        JsonPath payload = JsonPath.from(got.body());
        assertThat(payload.getString("type")).isEqualTo("order.created");
        assertThat(payload.getString("businessId")).isEqualTo(admin.tenantId().toString());
        assertThat(payload.getString("data.orderId")).isEqualTo(orderId);
        assertThat(payload.getString("data.number")).startsWith("CMD-");
        assertThat(payload.getString("data.tenantId")).isNull();
        assertThat(Instant.parse(payload.getString("createdAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(got.header("Comptoir-Event-Id")).isEqualTo(payload.getString("id"));
        assertThat(got.header("Comptoir-Event-Type")).isEqualTo("order.created");
        assertThat(got.header("User-Agent")).isEqualTo("Comptoir-Webhooks/1");
        assertThat(got.header("Content-Type")).startsWith("application/json");

        String endpointId = endpoint.getString("id");
        await().atMost(WAIT).untilAsserted(() -> Api.as(port, admin).get("/api/v1/webhooks/" + endpointId + "/deliveries")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].status", org.hamcrest.Matchers.equalTo("DELIVERED"))
                .body("items[0].attempts", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].responseCode", org.hamcrest.Matchers.equalTo(200))
                .body("items[0].responseExcerpt", org.hamcrest.Matchers.equalTo("ok, thanks")));
    }

    @Test
    void aReceiverAnswering500IsRetriedWithBackoffThenDeliveredExactlyOnce() {
        Account admin = Api.newBusiness(port, "Webhooks");
        String endpointId = register(admin, receiver.url(), List.of("order.created")).getString("id");
        receiver.answer(500);

        String deliveryId = Api.as(port, admin).post("/api/v1/webhooks/" + endpointId + "/test")
                .then().statusCode(202).extract().path("deliveryId");

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(admin, deliveryId).getInt("attempts")).isEqualTo(1));
        JsonPath failed = delivery(admin, deliveryId);
        assertThat(failed.getString("status")).isEqualTo("PENDING");
        assertThat(failed.getInt("responseCode")).isEqualTo(500);
        assertThat(failed.getString("responseExcerpt")).isEqualTo("receiver down");
        Instant next = Instant.parse(failed.getString("nextAttemptAt"));
        Instant last = Instant.parse(failed.getString("lastAttemptAt"));
        assertThat(Duration.between(last, next)).isEqualTo(Duration.ofMinutes(1));

        // A minute passes: the planned retry is brought forward rather than waited for.
        assertThat(scheduler.reschedule(TaskInstanceId.of(TASK, admin.tenantId() + ":" + deliveryId), Instant.now()))
                .isTrue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(admin, deliveryId).getString("status"))
                .isEqualTo("DELIVERED"));
        JsonPath delivered = delivery(admin, deliveryId);
        assertThat(delivered.getInt("attempts")).isEqualTo(2);
        assertThat(delivered.getInt("responseCode")).isEqualTo(200);
        assertThat(delivered.getString("nextAttemptAt")).isNull();
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 200);
        assertThat(got).extracting(r -> r.header("Comptoir-Event-Id")).containsOnly(deliveryId);
        assertThat(scheduler.getScheduledExecutions()).noneMatch(e ->
                e.getTaskInstance().getId().endsWith(deliveryId));
    }

    @Test
    void aReplayedDeliveryIsSentAgainWithTheSameEventId() {
        Account admin = Api.newBusiness(port, "Webhooks");
        String endpointId = register(admin, receiver.url(), List.of("order.created")).getString("id");
        String deliveryId = Api.as(port, admin).post("/api/v1/webhooks/" + endpointId + "/test")
                .then().statusCode(202).extract().path("deliveryId");
        await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(admin, deliveryId).getString("status")));

        Api.as(port, admin).post("/api/v1/webhooks/deliveries/" + deliveryId + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));

        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received()).extracting(r -> r.header("Comptoir-Event-Id")).containsOnly(deliveryId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(admin, deliveryId).getInt("attempts")).isEqualTo(2));
        assertThat(delivery(admin, deliveryId).getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anEventHandledTwiceQueuesOneDeliveryPerEndpoint() {
        Account admin = Api.newBusiness(port, "Webhooks");
        String endpointId = register(admin, receiver.url(), List.of("stock.alert")).getString("id");
        UUID alert = UUID.randomUUID();

        int first = tenantContext.callAs(admin.tenantId(), () -> deliveries.queue(admin.tenantId(), "stock.alert",
                alert::toString, Instant.now(), Map.of("alertId", alert)));
        int replayed = tenantContext.callAs(admin.tenantId(), () -> deliveries.queue(admin.tenantId(), "stock.alert",
                alert::toString, Instant.now(), Map.of("alertId", alert)));

        assertThat(first).isEqualTo(1);
        assertThat(replayed).isZero();
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Api.as(port, admin).get("/api/v1/webhooks/" + endpointId + "/deliveries").then()
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aBusinessEndpointNeverReceivesAnotherBusinessEvents() throws Exception {
        Account mine = Api.newBusiness(port, "Webhooks mine");
        Account theirs = Api.newBusiness(port, "Webhooks theirs");
        try (WebhookReceiver other = new WebhookReceiver()) {
            String myEndpoint = register(mine, receiver.url(), List.of("order.created")).getString("id");
            register(theirs, other.url(), List.of("order.created"));

            String theirOrder = order(theirs);

            await().atMost(WAIT).until(() -> other.received().size() == 1);
            assertThat(JsonPath.from(other.received().getFirst().body()).getString("data.orderId")).isEqualTo(theirOrder);
            assertThat(receiver.received()).isEmpty();
            Api.as(port, theirs).get("/api/v1/webhooks/" + myEndpoint).then().spec(Api.problem(404, "not-found"));
            Api.as(port, theirs).get("/api/v1/webhooks").then().body("url", org.hamcrest.Matchers.not(hasItem(receiver.url())));
            Api.as(port, theirs).delete("/api/v1/webhooks/" + myEndpoint).then().spec(Api.problem(404, "not-found"));
        }
    }

    @Test
    void aPrivateOrLinkLocalTargetIsRefusedWithAProblemNamingTheUrl() {
        Account admin = Api.newBusiness(port, "Webhooks");
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook",
                "http://hooks.example.com/hook", "https://[fe80::1]/hook", "ftp://example.com/x", "not a url")) {
            Api.as(port, admin).body(Map.of("url", url, "events", List.of("order.created")))
                    .post("/api/v1/webhooks").then().spec(Api.problem(400, "validation"))
                    .body("errors.field", hasItem("url"));
        }
        Api.as(port, admin).get("/api/v1/webhooks").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void everyBadInputIsAProblemListingItsFields() {
        Account admin = Api.newBusiness(port, "Webhooks");
        Api.as(port, admin).body(Map.of("url", receiver.url(), "events", List.of("order.shipped", "order.created")))
                .post("/api/v1/webhooks").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("events"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("order.shipped")));
        Api.as(port, admin).body(Map.of("url", receiver.url(), "events", List.of())).post("/api/v1/webhooks")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("events"));
        Api.as(port, admin).body(Map.of("url", receiver.url(), "events", List.of("order.created"),
                        "description", "x".repeat(201))).post("/api/v1/webhooks")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("description"));
        Api.as(port, admin).body(Map.of("events", List.of("order.created"), "color", "red")).post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        Api.as(port, admin).get("/api/v1/webhooks/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(port, admin).post("/api/v1/webhooks/deliveries/" + UUID.randomUUID() + "/replay")
                .then().spec(Api.problem(404, "not-found"));
        Api.as(port, admin).get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries?size=500")
                .then().spec(Api.problem(400, "validation"));
    }

    @Test
    void anAdministratorChangesDisablesRollsAndDeletesAnEndpoint() {
        Account admin = Api.newBusiness(port, "Webhooks");
        JsonPath created = register(admin, receiver.url(), List.of("order.created"));
        String id = created.getString("id");

        Api.as(port, admin).body(Map.of("url", receiver.url(), "description", "ERP",
                        "events", List.of("product.changed", "order.delivered"), "enabled", false))
                .put("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("events", org.hamcrest.Matchers.contains("order.delivered", "product.changed"))
                .body("enabled", org.hamcrest.Matchers.equalTo(false))
                .body("secret", org.hamcrest.Matchers.equalTo(created.getString("secret")));
        String rolled = Api.as(port, admin).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
                .extract().path("secret");
        assertThat(rolled).startsWith("whsec_").isNotEqualTo(created.getString("secret"));

        Account manager = Api.newUser(port, admin, "MANAGER");
        Api.as(port, manager).get("/api/v1/webhooks").then().statusCode(403);

        Api.as(port, admin).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        Api.as(port, admin).get("/api/v1/webhooks/" + id).then().spec(Api.problem(404, "not-found"));
    }

    /**
     * The delivery row and its planned sending (db-scheduler's {@code scheduled_tasks}) are written in one
     * transaction: a crash at any point keeps both (a restarted node sends it) or neither (the listener did not
     * complete, so the publication registry hands the event over again).
     */
    @Test
    void aDeliveryAndItsPlannedSendingAreWrittenTogetherOrNotAtAll() {
        Account admin = Api.newBusiness(port, "Webhooks");
        register(admin, receiver.url(), List.of("stock.alert"));
        UUID alert = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        long[] inside = tenantContext.callAs(admin.tenantId(), () -> tx.execute(status -> {
            deliveries.queue(admin.tenantId(), "stock.alert", alert::toString, Instant.now(), Map.of("alertId", alert));
            long rows = jdbc.queryForObject("select count(*) from webhook_deliveries", Long.class);
            long planned = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?"
                    + " and task_instance like ?", Long.class, TASK, admin.tenantId() + ":%");
            status.setRollbackOnly();
            return new long[] {rows, planned};
        }));

        assertThat(inside).containsExactly(1, 1);
        long after = tenantContext.callAs(admin.tenantId(), () -> tx.execute(status ->
                jdbc.queryForObject("select count(*) from webhook_deliveries", Long.class)));
        assertThat(after).isZero();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance like ?",
                Long.class, TASK, admin.tenantId() + ":%")).isZero();

        // Handled again (as after a crash), the event is queued and sent once.
        tenantContext.callAs(admin.tenantId(), () -> deliveries.queue(admin.tenantId(), "stock.alert", alert::toString,
                Instant.now(), Map.of("alertId", alert)));
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
    }

    // ---------------------------------------------------------------- helpers

    private JsonPath register(Account admin, String url, List<String> events) {
        return Api.as(port, admin).body(Map.of("url", url, "description", "Test receiver", "events", events))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath delivery(Account admin, String deliveryId) {
        return Api.as(port, admin).get("/api/v1/webhooks/deliveries/" + deliveryId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** A draft order of one product, created through the API; its id. */
    private String order(Account admin) {
        String variant = Api.as(port, admin).body(Map.of("name", "Arrosoir", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "ARR-" + UUID.randomUUID().toString().substring(0, 6),
                                "price", new BigDecimal("12.50")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        return Api.as(port, admin).body(Map.of("customer", Map.of("name", "Client de passage", "phone", "0612345678"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }
}
