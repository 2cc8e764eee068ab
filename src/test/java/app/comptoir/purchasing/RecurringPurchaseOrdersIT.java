package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

import app.comptoir.purchasing.application.RecurringPurchaseOrders;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Recurring purchase orders: a draft on each due date, once, whatever the number of runs (moved clock). */
@IntegrationTest
class RecurringPurchaseOrdersIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    RecurringPurchaseOrders recurring;

    @Test
    void aDueTemplateMakesOneDraftPerDueDateAndMovesToItsNextRun() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Pain de mie", "REC-PAIN", "3.00", "1.00");
        String supplier = shop.supplier("Boulangerie Centrale");
        shop.call().body(Map.of("variantId", variant, "cost", "1.20")).post("/api/v1/suppliers/" + supplier + "/variants")
                .then().statusCode(201);
        LocalDate today = LocalDate.now(PARIS);
        int weekday = today.getDayOfWeek().getValue();

        shop.call().body(Map.of("supplierId", supplier, "name", "Hebdo", "dayOfWeek", 9,
                        "lines", List.of(Map.of("variantId", variant, "quantity", 12))))
                .post("/api/v1/purchasing/recurring-orders").then().statusCode(400)
                .body("errors[0].field", equalTo("dayOfWeek"));
        shop.call().body(Map.of("supplierId", supplier, "name", "Hebdo", "dayOfWeek", weekday, "lines", List.of()))
                .post("/api/v1/purchasing/recurring-orders").then().statusCode(400)
                .body("errors[0].field", equalTo("lines"));

        JsonPath created = shop.call().body(Map.of("supplierId", supplier, "name", "Pain du lundi",
                        "dayOfWeek", weekday, "lines", List.of(Map.of("variantId", variant, "quantity", 12))))
                .post("/api/v1/purchasing/recurring-orders").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("nextRunOn")).isEqualTo(today.toString());
        assertThat(created.getFloat("lines[0].unitCost")).isEqualTo(1.2f);

        Instant now = today.atTime(12, 0).atZone(PARIS).toInstant();
        assertThat(recurring.runDue(shop.admin.tenantId(), now)).isEqualTo(1);
        assertThat(recurring.runDue(shop.admin.tenantId(), now)).isZero();
        assertThat(recurring.runDue(shop.admin.tenantId(), now.plus(Duration.ofDays(1)))).isZero();
        JsonPath drafts = shop.call().get("/api/v1/purchase-orders?supplierId=" + supplier).then().statusCode(200)
                .extract().jsonPath();
        assertThat(drafts.getInt("total")).isEqualTo(1);
        JsonPath draft = shop.call().get("/api/v1/purchase-orders/" + drafts.getString("items[0].id")).then()
                .statusCode(200).extract().jsonPath();
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getString("recurringId")).isEqualTo(id);
        assertThat(draft.getList("lines.quantity", Integer.class)).containsExactly(12);
        assertThat(draft.getFloat("total")).isEqualTo(14.4f);
        shop.call().get("/api/v1/purchasing/recurring-orders/" + id).then().statusCode(200)
                .body("nextRunOn", equalTo(today.plusWeeks(1).toString()));

        // a week later: the next draft, once
        Instant nextWeek = now.plus(Duration.ofDays(7));
        assertThat(recurring.runDue(shop.admin.tenantId(), nextWeek)).isEqualTo(1);
        assertThat(recurring.runDue(shop.admin.tenantId(), nextWeek)).isZero();
        shop.call().get("/api/v1/purchase-orders?supplierId=" + supplier).then().body("total", equalTo(2));

        shop.call().delete("/api/v1/purchasing/recurring-orders/" + id).then().statusCode(204);
        assertThat(recurring.runDue(shop.admin.tenantId(), now.plus(Duration.ofDays(30)))).isZero();
        shop.call().get("/api/v1/purchasing/recurring-orders").then().statusCode(200).body("size()", equalTo(0));

        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        assertThat(web.get("/app/purchasing/recurring").status()).isEqualTo(200);
        WebSession.Page unknown = web.post("/app/purchasing/recurring", Map.of("supplierId", supplier, "name", "Pain",
                "everyWeeks", "2", "dayOfWeek", "5", "sku", "NOPE", "quantity", "3"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("is-invalid").contains("Référence inconnue");
        WebSession.Page added = web.post("/app/purchasing/recurring", Map.of("supplierId", supplier, "name", "Pain",
                "everyWeeks", "2", "dayOfWeek", "5", "sku", "REC-PAIN", "quantity", "3"));
        assertThat(added.status()).isEqualTo(302);
        JsonPath listed = shop.call().get("/api/v1/purchasing/recurring-orders").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("name")).containsExactly("Pain");
        assertThat(listed.getInt("[0].everyWeeks")).isEqualTo(2);
        assertThat(listed.getInt("[0].dayOfWeek")).isEqualTo(5);
        assertThat(listed.getInt("[0].lines[0].quantity")).isEqualTo(3);
    }
}
