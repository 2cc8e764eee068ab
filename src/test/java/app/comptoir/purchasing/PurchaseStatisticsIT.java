package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Supplier reliability and spending, and the suppliers' and purchase orders' CSV files, with their figures. */
@IntegrationTest
class PurchaseStatisticsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void reliabilityCountsDeliveriesOnTimeAndSpendingSumsWhatWasReceived() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Engrais", "STA-ENG", "9.00", "2.00");
        String punctual = shop.supplier("Ponctuel SA");
        String late = shop.supplier("Retardataire SARL");
        LocalDate today = LocalDate.now(PARIS);

        // on time, all received: 10 × 1.50
        String a1 = order(shop, punctual, variant, 10, "1.50", today.plusDays(2));
        shop.act(a1, "send");
        receive(shop, a1, 10);
        // three days late, received in two goes: 4 + 6 × 2.00
        String b1 = order(shop, late, variant, 10, "2.00", today.minusDays(3));
        shop.act(b1, "send");
        receive(shop, b1, 4);
        receive(shop, b1, 6);
        // on time, delivered without a receipt: no spending
        String b2 = order(shop, late, variant, 5, "2.00", today.plusDays(5));
        shop.act(b2, "send");
        shop.act(b2, "confirm");
        shop.act(b2, "ship");
        shop.act(b2, "deliver");
        // sent, not received: neither
        shop.act(order(shop, late, variant, 7, "2.00", today.plusDays(1)), "send");

        JsonPath stats = shop.call().get("/api/v1/purchasing/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getList("suppliers.name")).containsExactly("Ponctuel SA", "Retardataire SARL");
        assertThat(stats.getInt("suppliers[0].deliveredOrders")).isEqualTo(1);
        assertThat(stats.getFloat("suppliers[0].onTimeRate")).isEqualTo(100.0f);
        assertThat(stats.getFloat("suppliers[0].averageDelayDays")).isEqualTo(0.0f);
        assertThat(stats.getFloat("suppliers[0].spentThisMonth")).isEqualTo(15.0f);
        assertThat(stats.getInt("suppliers[1].deliveredOrders")).isEqualTo(2);
        assertThat(stats.getInt("suppliers[1].onTimeOrders")).isEqualTo(1);
        assertThat(stats.getFloat("suppliers[1].onTimeRate")).isEqualTo(50.0f);
        assertThat(stats.getFloat("suppliers[1].averageDelayDays")).isEqualTo(1.5f);
        assertThat(stats.getFloat("suppliers[1].spentThisQuarter")).isEqualTo(20.0f);
        assertThat(stats.getFloat("spentThisMonth")).isEqualTo(35.0f);
        assertThat(stats.getFloat("spentThisQuarter")).isEqualTo(35.0f);

        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        WebSession.Page page = web.get("/app/purchasing/statistics");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Retardataire SARL").contains("50");
        String list = web.get("/app/purchasing/orders?status=DELIVERED&supplier=" + late).body();
        assertThat(list).contains("/api/v1/purchase-orders/export.csv?lang=fr").contains("status=DELIVERED")
                .contains("supplierId=" + late);

        String orders = shop.call().queryParam("supplierId", late).queryParam("status", "DELIVERED")
                .get("/api/v1/purchase-orders/export.csv").then().statusCode(200).extract().asString();
        List<String> lines = orders.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.getFirst()).contains("number").contains("supplier").contains("status").contains("total");
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allMatch(l -> l.contains("Retardataire SARL") && l.contains("DELIVERED"));
        assertThat(String.join("\n", lines)).contains("20.00").contains("10.00");

        String suppliers = shop.call().queryParam("q", "Ponctuel").get("/api/v1/suppliers/export.csv")
                .then().statusCode(200).extract().asString();
        List<String> supplierLines = suppliers.lines().filter(l -> !l.isBlank()).toList();
        assertThat(supplierLines).hasSize(2);
        assertThat(supplierLines.get(1)).contains("Ponctuel SA").contains("commandes@ponctuel-sa.test");
        String french = shop.call().queryParam("lang", "fr").get("/api/v1/suppliers/export.csv")
                .then().statusCode(200).extract().asString();
        assertThat(french).contains("Nom;Contact").contains("Retardataire SARL");
    }

    private static String order(PurchasingApi shop, String supplier, String variant, int quantity, String cost,
                                LocalDate expectedOn) {
        return shop.call().body(Map.of("supplierId", supplier, "expectedOn", expectedOn.toString(),
                        "lines", List.of(Map.of("variantId", variant, "quantity", quantity, "unitCost", cost))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().path("id");
    }

    private static void receive(PurchasingApi shop, String order, int quantity) {
        String line = shop.call().get("/api/v1/purchase-orders/" + order).then().statusCode(200).extract()
                .path("lines[0].id");
        shop.call().body(PurchasingApi.receipt(line, quantity)).post("/api/v1/purchase-orders/" + order + "/receipts")
                .then().statusCode(201);
    }
}
