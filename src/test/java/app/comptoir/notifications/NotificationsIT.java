package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.sales.OrderCreated;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The dispatcher and the in-app centre through the API: who hears of what, preferences, replays, the alert
 * rules' channels, and tenants kept apart. Notices arrive after the business's commit, asynchronously.
 */
@IntegrationTest
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private List<Map<String, Object>> notices(Account account) {
        return Api.as(port, account).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private List<Map<String, Object>> notices(Account account, String type) {
        return notices(account).stream().filter(n -> type.equals(n.get("type"))).toList();
    }

    private String stocked(Account admin, String sku, int quantity) {
        Map<String, Object> body = Map.of("name", "Pot " + sku, "vatRate", 20,
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("12.00"))));
        String variant = Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201)
                .extract().path("variants[0].id");
        if (quantity > 0) {
            move(admin, variant, "RECEIPT", quantity);
        }
        return variant;
    }

    private void move(Account admin, String variant, String type, int quantity) {
        Api.as(port, admin).body(Map.of("variantId", variant, "type", type, "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    private Map<String, Object> order(Account admin, String variant) {
        return Api.as(port, admin).body(Map.of("customer", Map.of("name", "Mme Girard", "phone", "06 12 34 56 78"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getMap("");
    }

    private void status(Account account, Object orderId, String status) {
        Api.as(port, account).body(Map.of("status", status)).patch("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(200);
    }

    @Test
    void anOrderCreatedTellsTheManagersInTheAppWithALinkToTheOrderButNotTheViewer() {
        Account admin = Api.newBusiness(port, "Cloche");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Account driver = Api.newUser(port, admin, "DRIVER");
        String pot = stocked(admin, "CL-1", 5);

        Map<String, Object> order = order(admin, pot);

        await().atMost(WAIT).until(() -> notices(manager, "order.created").size() == 1);
        Map<String, Object> notice = notices(manager, "order.created").getFirst();
        assertThat(notice.get("link")).isEqualTo("/app/sales/orders/" + order.get("id"));
        assertThat((String) notice.get("title")).isEqualTo("Nouvelle commande " + order.get("number"));
        assertThat((String) notice.get("body")).contains("Mme Girard");
        assertThat(notice.get("readAt")).isNull();
        await().atMost(WAIT).until(() -> notices(admin, "order.created").size() == 1);
        assertThat(notices(viewer)).isEmpty();
        assertThat(notices(driver)).isEmpty();
        Api.as(port, manager).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .body("unread", equalTo(1));

        // Opening it marks it read; another user cannot mark it (it is not theirs).
        Api.as(port, admin).post("/api/v1/notifications/" + notice.get("id") + "/read").then().statusCode(404);
        Api.as(port, manager).post("/api/v1/notifications/" + notice.get("id") + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        Api.as(port, manager).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
        Api.as(port, admin).post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        Api.as(port, admin).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void aDriverAssignedTellsOnlyThatDriver() {
        Account admin = Api.newBusiness(port, "Tournée");
        Account driver = Api.newUser(port, admin, "DRIVER");
        Account other = Api.newUser(port, admin, "DRIVER");
        String pot = stocked(admin, "TR-1", 5);
        Object id = order(admin, pot).get("id");
        status(admin, id, "CONFIRMED");
        status(admin, id, "PREPARING");

        Api.as(port, admin).body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + id + "/assign-driver")
                .then().statusCode(200);

        await().atMost(WAIT).until(() -> notices(driver, "order.driver_assigned").size() == 1);
        assertThat(notices(driver, "order.driver_assigned").getFirst().get("link")).isEqualTo("/app/sales/orders/" + id);
        assertThat(notices(other)).isEmpty();
        assertThat(notices(admin, "order.driver_assigned")).isEmpty();

        // The driver's failed delivery tells the driver and the administrator, not the other driver.
        Api.as(port, driver).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        Api.as(port, driver).body(Map.of("reason", "ABSENT")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().statusCode(200);
        await().atMost(WAIT).until(() -> notices(admin, "order.delivery_failed").size() == 1
                && notices(driver, "order.delivery_failed").size() == 1);
        assertThat(notices(other)).isEmpty();
    }

    @Test
    void aUserWhoSwitchedAnEventOffIsNotToldOfIt() {
        Account admin = Api.newBusiness(port, "Silence");
        Account manager = Api.newUser(port, admin, "MANAGER");
        List<Map<String, Object>> defaults = Api.as(port, manager).get("/api/v1/notifications/preferences")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(defaults).anySatisfy(p -> {
            assertThat(p.get("type")).isEqualTo("order.created");
            assertThat(p.get("channels")).isEqualTo(Map.of("IN_APP", true, "EMAIL", false, "PUSH", false));
        });

        Api.as(port, manager).body(List.of(Map.of("type", "order.created",
                        "channels", Map.of("IN_APP", false, "EMAIL", false, "PUSH", false))))
                .put("/api/v1/notifications/preferences").then().statusCode(200);
        Api.as(port, manager).body(List.of(Map.of("type", "no.such.event", "channels", Map.of())))
                .put("/api/v1/notifications/preferences").then().spec(Api.problem(400, "validation"));
        String pot = stocked(admin, "SI-1", 5);
        order(admin, pot);

        await().atMost(WAIT).until(() -> notices(admin, "order.created").size() == 1);
        assertThat(notices(manager)).isEmpty();
        assertThat(Api.as(port, manager).get("/api/v1/notifications/preferences").then().extract().jsonPath()
                .getMap("find { it.type == 'order.created' }.channels")).containsEntry("IN_APP", false);
    }

    @Test
    void aReplayedEventTellsNobodyTwice() {
        Account admin = Api.newBusiness(port, "Rejeu");
        UUID orderId = UUID.randomUUID();
        OrderCreated created = new OrderCreated(admin.tenantId(), orderId, "CMD-REJEU-1", null, null,
                new BigDecimal("10.00"), "EUR", Instant.now());
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(s -> events.publishEvent(created));
        tx.executeWithoutResult(s -> events.publishEvent(created));

        await().atMost(WAIT).until(() -> notices(admin, "order.created").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> notices(admin, "order.created").size() == 1);
        Map<String, Object> notice = notices(admin, "order.created").getFirst();
        assertThat(notice.get("link")).isEqualTo("/app/sales/orders/" + orderId);
        assertThat((String) notice.get("body")).contains("Client au comptoir");
    }

    @Test
    void aStockAlertGoesOnlyThroughTheChannelsOfItsRule() {
        Account admin = Api.newBusiness(port, "Règles");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        String quiet = stocked(admin, "RG-1", 2);
        String told = stocked(admin, "RG-2", 2);
        Map<String, Object> rule = Api.as(port, admin).get("/api/v1/alert-rules").then().statusCode(200).extract()
                .jsonPath().getMap("find { it.type == 'OUT_OF_STOCK' }");

        // The rule says e-mail only: nothing in the app for this stock-out.
        Api.as(port, admin).body(Map.of("enabled", true, "channels", List.of("EMAIL")))
                .put("/api/v1/alert-rules/" + rule.get("id")).then().statusCode(200);
        move(admin, quiet, "ISSUE", 2);
        // Back to in-app: the next stock-out reaches the viewer (their default) and the administrator.
        Api.as(port, admin).body(Map.of("enabled", true, "channels", List.of("IN_APP")))
                .put("/api/v1/alert-rules/" + rule.get("id")).then().statusCode(200);
        move(admin, told, "ISSUE", 2);

        await().atMost(WAIT).until(() -> notices(viewer, "stock.out").size() == 1
                && notices(admin, "stock.out").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> notices(viewer, "stock.out").size() == 1);
        Map<String, Object> notice = notices(viewer, "stock.out").getFirst();
        assertThat(notice.get("link")).isEqualTo("/app/inventory/stock/variants/" + told);
        assertThat((String) notice.get("title")).isEqualTo("Rupture de stock : Pot RG-2");
    }

    @Test
    void anotherBusinessesUsersAreNeverTold() {
        Account admin = Api.newBusiness(port, "Ici");
        Account elsewhere = Api.newBusiness(port, "Ailleurs");
        Account elsewhereManager = Api.newUser(port, elsewhere, "MANAGER");
        String pot = stocked(admin, "IC-1", 5);

        order(admin, pot);

        await().atMost(WAIT).until(() -> notices(admin, "order.created").size() == 1);
        assertThat(notices(elsewhere)).isEmpty();
        assertThat(notices(elsewhereManager)).isEmpty();
        Object id = notices(admin).getFirst().get("id");
        Api.as(port, elsewhere).post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        Api.as(port, admin).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(1));
    }
}
