package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.inventory.application.SlowMovingDetection;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

@IntegrationTest
class AlertsIT {

    @LocalServerPort
    int port;

    @Autowired
    SlowMovingDetection slowMoving;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    OneTimeTask<Void> slowMovingCheckOfOneBusiness;

    @Test
    void crossingTheAlertLevelRaisesOneAlertPerEpisodeAndRefillingResolvesIt() {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage", "TUY-AL");
        shop.receive(hose, 10);
        shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + hose).then().statusCode(200);
        assertThat(alerts(shop, "")).isEmpty();

        shop.move(hose, "ISSUE", 6);
        shop.move(hose, "ISSUE", 1);

        JsonPath open = shop.call().get("/api/v1/stocks/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(open.getList("items.type")).containsExactly("LOW_STOCK");
        assertThat(open.getString("items[0].severity")).isEqualTo("WARNING");
        assertThat(open.getString("items[0].state")).isEqualTo("NEW");
        assertThat(open.getString("items[0].sku")).isEqualTo("TUY-AL");
        assertThat(open.getInt("items[0].available")).isEqualTo(4);
        assertThat(open.getString("items[0].action")).isEqualTo("reorder");

        shop.receive(hose, 10);
        assertThat(alerts(shop, "")).isEmpty();
        assertThat(alerts(shop, "?state=RESOLVED")).containsExactly("LOW_STOCK");

        shop.move(hose, "ISSUE", 10);
        assertThat(alerts(shop, "?state=ALL")).containsExactly("LOW_STOCK", "LOW_STOCK");
    }

    @Test
    void runningOutIsCriticalAndAlertsCanBeFilteredReadAndDismissed() {
        InventoryApi shop = InventoryApi.newShop(port);
        String spade = shop.product("Bêche", "BEC-AL");
        String pot = shop.product("Pot", "POT-AL");
        shop.receive(spade, 1);
        shop.receive(pot, 10);
        shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + pot).then().statusCode(200);
        shop.move(spade, "ISSUE", 1);
        shop.move(pot, "ISSUE", 8);

        assertThat(alerts(shop, "?severity=CRITICAL")).containsExactly("OUT_OF_STOCK");
        shop.call().get("/api/v1/stocks/alerts/summary").then().statusCode(200).body("unread", equalTo(2))
                .body("open.OUT_OF_STOCK.NEW", equalTo(1)).body("open.LOW_STOCK.NEW", equalTo(1));

        shop.call().post("/api/v1/stocks/alerts/read-all").then().statusCode(204);
        shop.call().get("/api/v1/stocks/alerts/summary").then().body("unread", equalTo(0))
                .body("open.LOW_STOCK.READ", equalTo(1));
        String low = shop.call().get("/api/v1/stocks/alerts?type=LOW_STOCK").then().extract().path("items[0].id");
        shop.call().post("/api/v1/stocks/alerts/" + low + "/dismiss").then().statusCode(204);
        assertThat(alerts(shop, "")).containsExactly("OUT_OF_STOCK");
        assertThat(alerts(shop, "?state=DISMISSED")).containsExactly("LOW_STOCK");
        shop.call().get("/api/v1/stocks/alerts?severity=LOUD").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void onlyTheOfficeMarksAlertsReadForTheWholeBusiness() {
        InventoryApi shop = InventoryApi.newShop(port);
        String spade = shop.product("Bêche", "BEC-RO");
        shop.receive(spade, 1);
        shop.move(spade, "ISSUE", 1);
        String alert = shop.call().get("/api/v1/stocks/alerts").then().extract().path("items[0].id");

        for (String role : new String[] {"VIEWER", "DRIVER"}) {
            Account user = Api.newUser(port, shop.admin, role);
            Api.as(port, user).post("/api/v1/stocks/alerts/read-all").then().spec(Api.problem(403, "forbidden"));
            Api.as(port, user).post("/api/v1/stocks/alerts/" + alert + "/read").then().spec(Api.problem(403, "forbidden"));
            Api.as(port, user).post("/api/v1/stocks/alerts/" + alert + "/dismiss").then().spec(Api.problem(403, "forbidden"));
            WebSession web = new WebSession(port);
            web.signIn(user.email(), user.password());
            web.get("/app/inventory/stock/alerts");
            assertThat(web.post("/app/inventory/stock/alerts/read-all", Map.of()).status()).as(role).isEqualTo(403);
        }
        shop.call().get("/api/v1/stocks/alerts/summary").then().body("unread", equalTo(1));

        Account manager = Api.newUser(port, shop.admin, "MANAGER");
        Api.as(port, manager).post("/api/v1/stocks/alerts/" + alert + "/read").then().statusCode(204);
        shop.call().get("/api/v1/stocks/alerts/summary").then().body("unread", equalTo(0));
    }

    @Test
    void rulesCanBeSwitchedOffChangedDeletedAndAddedBack() {
        InventoryApi shop = InventoryApi.newShop(port);
        JsonPath rules = shop.call().get("/api/v1/alert-rules").then().statusCode(200).extract().jsonPath();
        assertThat(rules.getList("type")).containsExactlyInAnyOrder("LOW_STOCK", "OUT_OF_STOCK", "OVERSTOCK",
                "SLOW_MOVING", "LATE_DELIVERY");
        String out = ruleId(rules, "OUT_OF_STOCK");
        String low = ruleId(rules, "LOW_STOCK");
        assertThat(rules.getInt("find { it.type == 'SLOW_MOVING' }.threshold")).isEqualTo(30);

        shop.call().body(Map.of("enabled", false)).put("/api/v1/alert-rules/" + out).then().statusCode(200)
                .body("enabled", equalTo(false));
        shop.call().body(Map.of("enabled", true, "threshold", 50, "channels", List.of("IN_APP", "EMAIL")))
                .put("/api/v1/alert-rules/" + low).then().statusCode(200).body("channels", hasSize(2));
        String seeds = shop.product("Graines", "GRA-AL");
        shop.receive(seeds, 20);
        shop.call().body(Map.of("reorderPoint", 10)).put("/api/v1/stocks/" + seeds).then().statusCode(200);
        shop.move(seeds, "ISSUE", 15);
        assertThat(alerts(shop, "")).containsExactly("LOW_STOCK");
        shop.move(seeds, "ISSUE", 5);
        assertThat(alerts(shop, "")).isEmpty();

        shop.call().body(Map.of("type", "OUT_OF_STOCK")).post("/api/v1/alert-rules")
                .then().spec(Api.problem(409, "duplicate-alert-rule"));
        shop.call().delete("/api/v1/alert-rules/" + out).then().statusCode(204);
        shop.call().body(Map.of("type", "OUT_OF_STOCK")).post("/api/v1/alert-rules").then().statusCode(201)
                .body("enabled", equalTo(true));
        Api.as(port, Api.newUser(port, shop.admin, "VIEWER")).body(Map.of("enabled", false))
                .put("/api/v1/alert-rules/" + low).then().statusCode(403);
    }

    @Test
    void theSlowMovingCheckRunTwiceRaisesOneDigestPerRunNotOneAlertPerProduct() {
        InventoryApi shop = InventoryApi.newShop(port);
        String gnome = shop.product("Nain de jardin", "NAI-AL");
        String empty = shop.product("Pelle", "PEL-AL");
        shop.receive(gnome, 3);
        shop.receive(empty, 1);
        shop.move(empty, "ISSUE", 1);
        for (int i = 0; i < 4; i++) {
            shop.receive(shop.product("Pot en terre " + i, "POT-DIG-" + i), 2);
        }

        int first = slowMoving.detect(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(31)));
        int second = slowMoving.detect(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(32)));

        // Five dormant products (the empty shovel is not), summed up in one digest per run.
        assertThat(first).isEqualTo(5);
        assertThat(second).isEqualTo(5);
        JsonPath open = shop.call().get("/api/v1/stocks/alerts?type=SLOW_MOVING").then().extract().jsonPath();
        assertThat(open.getInt("total")).isEqualTo(1);
        assertThat(open.getString("items[0].variantId")).isNull();
        assertThat(open.getInt("items[0].items")).isEqualTo(5);
        assertThat(open.getInt("items[0].available")).isEqualTo(3 + 4 * 2);
        assertThat(open.getInt("items[0].threshold")).isEqualTo(30);
        assertThat(open.getString("items[0].severity")).isEqualTo("INFO");
        assertThat(open.getBoolean("items[0].digest")).isTrue();
        assertThat(open.getString("items[0].actionLink")).isEqualTo("/app/reporting/stock?slowDays=30");
        assertThat(alerts(shop, "?type=SLOW_MOVING&state=ALL")).hasSize(2);
        assertThat(alerts(shop, "?type=SLOW_MOVING&state=RESOLVED")).hasSize(1);

        // The gnomes are all gone: the next run's digest counts four, and with nothing dormant it goes away.
        shop.move(gnome, "ISSUE", 3);
        assertThat(slowMoving.detect(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(33)))).isEqualTo(4);
        assertThat(alerts(shop, "?type=SLOW_MOVING")).hasSize(1);
        assertThat(slowMoving.detect(shop.admin.tenantId(), Instant.now())).isZero();
        assertThat(alerts(shop, "?type=SLOW_MOVING")).isEmpty();
    }

    @Test
    void alertsComeCriticalFirstInPagesWithTheirCountsPerSeverityAndType() {
        InventoryApi shop = InventoryApi.newShop(port);
        for (int i = 0; i < 3; i++) {
            String sold = shop.product("Sécateur " + i, "SEC-PG-" + i);
            shop.receive(sold, 1);
            shop.move(sold, "ISSUE", 1);
        }
        for (int i = 0; i < 2; i++) {
            String low = shop.product("Ficelle " + i, "FIC-PG-" + i);
            shop.receive(low, 10);
            shop.call().body(Map.of("alertLevel", 5)).put("/api/v1/stocks/" + low).then().statusCode(200);
            shop.move(low, "ISSUE", 6);
        }
        slowMoving.detect(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(31)));

        JsonPath summary = shop.call().get("/api/v1/stocks/alerts/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getList("groups.severity")).containsExactly("CRITICAL", "WARNING", "INFO");
        assertThat(summary.getList("groups.type")).containsExactly("OUT_OF_STOCK", "LOW_STOCK", "SLOW_MOVING");
        assertThat(summary.getList("groups.count", Integer.class)).containsExactly(3, 2, 1);

        JsonPath first = shop.call().get("/api/v1/stocks/alerts?size=2").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("total")).isEqualTo(6);
        assertThat(first.getList("items.type")).containsExactly("OUT_OF_STOCK", "OUT_OF_STOCK");
        assertThat(alerts(shop, "?size=2&page=1")).containsExactly("OUT_OF_STOCK", "LOW_STOCK");
        assertThat(alerts(shop, "?size=2&page=2")).containsExactly("LOW_STOCK", "SLOW_MOVING");

        // The page: the counts of every group, critical first, and 25 alerts a page.
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        String page = web.get("/app/inventory/stock/alerts").body();
        assertThat(page).containsSubsequence("data-alert-count=\"OUT_OF_STOCK\"", ">3<",
                "data-alert-count=\"LOW_STOCK\"", ">2<", "data-alert-count=\"SLOW_MOVING\"", ">1<");
        assertThat(page).contains("2 produit(s) sans sortie depuis 30 jours");
        String filtered = web.get("/app/inventory/stock/alerts?type=LOW_STOCK&page=0").body();
        assertThat(filtered).contains("FIC-PG-0", "FIC-PG-1").doesNotContain("SEC-PG-0");
    }

    @Test
    void theDailyJobIsADatabaseScheduledTaskThatChecksEachBusinessInItsOwnExecution() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduler.getScheduledExecutionsForTask("inventory-slow-moving").size() == 1);
        List<ScheduledExecution<Object>> daily = scheduler.getScheduledExecutionsForTask("inventory-slow-moving");
        assertThat(daily.getFirst().getExecutionTime().atZone(ZoneId.systemDefault()).toLocalTime())
                .isEqualTo(LocalTime.of(3, 0));

        InventoryApi shop = InventoryApi.newShop(port);
        shop.receive(shop.product("Arrosoir", "ARR-JOB"), 2);
        // Planned a day ahead, so that the scheduler of this test JVM leaves the businesses alone.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        slowMoving.planEveryBusiness(scheduler, slowMovingCheckOfOneBusiness, tomorrow);
        assertThat(slowMoving.planEveryBusiness(scheduler, slowMovingCheckOfOneBusiness, tomorrow)).isZero();
        TaskInstanceId planned = TaskInstanceId.of("inventory-slow-moving-business", shop.admin.tenantId().toString());
        assertThat(scheduler.getScheduledExecution(planned)).isPresent();

        // Run now, the business's execution is claimed, runs and is deleted once done: its completion is recorded.
        scheduler.reschedule(planned, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.getScheduledExecution(planned).isEmpty());
        scheduler.getScheduledExecutionsForTask("inventory-slow-moving-business")
                .forEach(e -> scheduler.cancel(e.getTaskInstance()));
    }

    @Test
    void deletingAProductInTheCatalogResolvesItsOpenAlertsAfterTheCatalogCommitted() {
        InventoryApi shop = InventoryApi.newShop(port);
        JsonPath product = shop.call().body(Map.of("name", "Bêche", "vatRate", 20, "variants", List.of(
                        Map.of("sku", "BEC-DEL", "price", new BigDecimal("9.90")))))
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        String spade = product.getString("variants[0].id");
        shop.receive(spade, 1);
        shop.move(spade, "ISSUE", 1);
        assertThat(alerts(shop, "")).containsExactly("OUT_OF_STOCK");

        shop.call().delete("/api/v1/products/" + product.getString("id")).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> alerts(shop, "").isEmpty());
        assertThat(alerts(shop, "?state=RESOLVED")).containsExactly("OUT_OF_STOCK");
    }

    @Test
    void reorderSuggestionsCoverTheLeadTimeAndRespectTheReorderQuantity() {
        InventoryApi shop = InventoryApi.newShop(port);
        String rice = shop.product("Riz 25 kg", "RIZ-25");
        String oil = shop.product("Huile 5 L", "HUI-5");
        String sugar = shop.product("Sucre 1 kg", "SUC-1");
        shop.receive(rice, 20);
        shop.move(rice, "ISSUE", 15);
        shop.receive(oil, 20);
        shop.move(oil, "ISSUE", 15);
        shop.receive(sugar, 50);
        shop.call().body(Map.of("reorderPoint", 10, "reorderQuantity", 24, "leadTimeDays", 7))
                .put("/api/v1/stocks/" + rice).then().statusCode(200);
        shop.call().body(Map.of("reorderPoint", 10, "leadTimeDays", 7)).put("/api/v1/stocks/" + oil).then().statusCode(200);
        shop.call().body(Map.of("reorderPoint", 10)).put("/api/v1/stocks/" + sugar).then().statusCode(200);

        JsonPath suggestions = shop.call().get("/api/v1/stocks/reorder-suggestions").then().statusCode(200)
                .extract().jsonPath();

        assertThat(suggestions.getList("sku")).containsExactlyInAnyOrder("RIZ-25", "HUI-5");
        assertThat(suggestions.getInt("find { it.sku == 'RIZ-25' }.suggestedQuantity")).isEqualTo(24);
        assertThat(suggestions.getInt("find { it.sku == 'HUI-5' }.suggestedQuantity")).isEqualTo(10);
        assertThat(suggestions.getFloat("find { it.sku == 'HUI-5' }.averageDailyOut")).isEqualTo(0.5f);
    }

    private static String ruleId(JsonPath rules, String type) {
        return rules.getString("find { it.type == '" + type + "' }.id");
    }

    private static List<String> alerts(InventoryApi shop, String query) {
        return shop.call().get("/api/v1/stocks/alerts" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.type");
    }
}
