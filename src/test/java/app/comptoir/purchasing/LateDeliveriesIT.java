package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.purchasing.application.OrderWatch;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The hourly watch of sent purchase orders, run as of a moved clock: a late order raises one LATE_DELIVERY
 * alert (when the business's rule is on), which its delivery resolves; an order left unconfirmed gives the
 * managers one notice.
 */
@IntegrationTest
class LateDeliveriesIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    OrderWatch watch;

    @Test
    void anOrderPastItsExpectedDateAndTheRulesDaysRaisesOneAlertThatItsDeliveryResolves() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        lateDeliveryRule(shop, true, 2);
        String variant = shop.product("Vis à bois", "VIS-LATE", "4.00", "1.50");
        String supplier = shop.supplier("Visserie Martin");
        LocalDate today = LocalDate.now(PARIS);
        String order = draft(shop, supplier, variant, today.plusDays(1));
        String number = shop.act(order, "send").getString("number");

        // two days after the expected date: within the rule's 2 days, nothing yet
        assertThat(watch.watch(shop.admin.tenantId(), at(today.plusDays(3))).alerted()).isZero();
        assertThat(lateAlerts(shop, "")).isEmpty();

        Instant fourDaysLate = at(today.plusDays(5));
        assertThat(watch.watch(shop.admin.tenantId(), fourDaysLate).alerted()).isEqualTo(1);
        assertThat(watch.watch(shop.admin.tenantId(), fourDaysLate.plus(Duration.ofHours(1))).alerted()).isZero();

        List<Map<String, Object>> open = lateAlerts(shop, "");
        assertThat(open).hasSize(1);
        assertThat(open.getFirst()).containsEntry("reference", number).containsEntry("referenceId", order)
                .containsEntry("severity", "WARNING").containsEntry("available", 4).containsEntry("threshold", 2)
                .containsEntry("action", "follow").containsEntry("actionLink", "/app/purchasing/orders/" + order);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        WebSession.Page page = web.get("/app/inventory/stock/alerts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number).contains("/app/purchasing/orders/" + order);

        shop.act(order, "confirm");
        shop.act(order, "ship");
        shop.act(order, "deliver");
        assertThat(watch.watch(shop.admin.tenantId(), fourDaysLate.plus(Duration.ofHours(2))).resolved()).isEqualTo(1);
        assertThat(lateAlerts(shop, "")).isEmpty();
        assertThat(lateAlerts(shop, "&state=RESOLVED")).hasSize(1);
        assertThat(watch.watch(shop.admin.tenantId(), fourDaysLate.plus(Duration.ofHours(3))))
                .isEqualTo(new OrderWatch.Outcome(0, 0, 0));
    }

    @Test
    void aDisabledRuleRaisesNothing() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Clous", "CLOU-LATE", "3.00", "1.00");
        String supplier = shop.supplier("Clouterie Dupont");
        LocalDate today = LocalDate.now(PARIS);
        String order = draft(shop, supplier, variant, today.plusDays(1));
        shop.act(order, "send");

        // the LATE_DELIVERY rule is off by default
        assertThat(watch.watch(shop.admin.tenantId(), at(today.plusDays(30))).alerted()).isZero();
        assertThat(lateAlerts(shop, "&state=ALL")).isEmpty();
    }

    @Test
    void anOrderLeftUnconfirmedForTheReminderDaysGivesTheManagersOneNotice() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Chevilles", "CHEV-LATE", "2.00", "0.50");
        String supplier = shop.supplier("Fixations Leroy");
        LocalDate today = LocalDate.now(PARIS);
        String order = draft(shop, supplier, variant, today.plusDays(20));
        String number = shop.act(order, "send").getString("number");

        // the default reminder comes after 3 days
        assertThat(watch.watch(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(2))).reminded()).isZero();
        assertThat(watch.watch(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(4))).reminded()).isEqualTo(1);
        assertThat(watch.watch(shop.admin.tenantId(), Instant.now().plus(Duration.ofDays(5))).reminded()).isZero();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notices(shop)).hasSize(1));
        Map<String, Object> notice = notices(shop).getFirst();
        assertThat((String) notice.get("title")).contains(number);
        assertThat((String) notice.get("body")).contains("Fixations Leroy").contains("3");
        assertThat(notice.get("link")).isEqualTo("/app/purchasing/orders/" + order);
    }

    private static String draft(PurchasingApi shop, String supplier, String variant, LocalDate expectedOn) {
        return shop.call().body(Map.of("supplierId", supplier, "expectedOn", expectedOn.toString(),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 10))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().path("id");
    }

    private static void lateDeliveryRule(PurchasingApi shop, boolean enabled, int days) {
        JsonPath rules = shop.call().get("/api/v1/alert-rules").then().statusCode(200).extract().jsonPath();
        String id = rules.getString("find { it.type == 'LATE_DELIVERY' }.id");
        shop.call().body(Map.of("enabled", enabled, "threshold", days)).put("/api/v1/alert-rules/" + id)
                .then().statusCode(200);
    }

    private static List<Map<String, Object>> lateAlerts(PurchasingApi shop, String query) {
        return shop.call().get("/api/v1/stocks/alerts?type=LATE_DELIVERY" + query).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> notices(PurchasingApi shop) {
        return shop.call().queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(n -> "purchase.unconfirmed".equals(n.get("type"))).toList();
    }

    /** Noon of that day in Paris (the new businesses' zone). */
    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).atZone(PARIS).toInstant();
    }
}
