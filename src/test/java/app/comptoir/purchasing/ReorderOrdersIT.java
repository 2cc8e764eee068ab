package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Reordering from suppliers: inventory's suggestion minus what is already on order, rounded to the preferred
 * supplier's minimum and pack, grouped per supplier, and one draft per supplier from the button.
 */
@IntegrationTest
class ReorderOrdersIT {

    @LocalServerPort
    int port;

    @Test
    void suggestionsLessWhatIsOnOrderAreRoundedToPacksAndMadeIntoOneDraftPerPreferredSupplier() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String screws = shop.product("Vis", "REO-VIS", "4.00", "1.00");
        String bolts = shop.product("Boulons", "REO-BOU", "6.00", "2.00");
        String nails = shop.product("Clous", "REO-CLO", "3.00", "1.00");
        String glue = shop.product("Colle", "REO-COL", "9.00", "3.00");
        shop.stockIn(screws, 2);
        shop.stockIn(nails, 4);
        shop.stockIn(glue, 1);
        thresholds(shop, screws, 10, 20);   // suggested max(10 - 2 + 1, 20) = 20
        thresholds(shop, bolts, 5, null);   // suggested 5 - 0 + 1 = 6
        thresholds(shop, nails, 4, null);   // suggested 4 - 4 + 1 = 1
        thresholds(shop, glue, 3, null);    // suggested 3 - 1 + 1 = 3, no supplier
        String alpha = shop.supplier("Alpha Négoce");
        String bravo = shop.supplier("Bravo Distribution");
        supplies(shop, alpha, screws, "1.50", 6, 12);
        supplies(shop, alpha, nails, "0.80", 10, 1);
        supplies(shop, bravo, bolts, "3.00", 1, 1);
        // 5 screws on order (sent), a draft of 100 that does not count
        String sent = shop.draft(alpha, screws, 5, "1.50").getString("id");
        shop.act(sent, "send");
        shop.draft(alpha, screws, 100, "1.50");

        JsonPath plan = shop.call().get("/api/v1/purchasing/reorder-suggestions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plan.getList("suppliers.supplierName")).containsExactly("Alpha Négoce", "Bravo Distribution");
        // screws: 20 - 5 on order = 15, at least 12, in packs of 6: 18; nails: 1 in packs of 10: 10
        assertThat(plan.getList("suppliers[0].lines.sku")).containsExactly("REO-VIS", "REO-CLO");
        assertThat(plan.getList("suppliers[0].lines.suggested", Integer.class)).containsExactly(20, 1);
        assertThat(plan.getList("suppliers[0].lines.onOrder", Integer.class)).containsExactly(5, 0);
        assertThat(plan.getList("suppliers[0].lines.need", Integer.class)).containsExactly(15, 1);
        assertThat(plan.getList("suppliers[0].lines.quantity", Integer.class)).containsExactly(18, 10);
        assertThat(plan.getFloat("suppliers[0].total")).isEqualTo(35.0f);
        assertThat(plan.getList("suppliers[1].lines.quantity", Integer.class)).containsExactly(6);
        assertThat(plan.getList("withoutSupplier.sku")).containsExactly("REO-COL");
        assertThat(plan.getInt("withoutSupplier[0].need")).isEqualTo(3);
        assertThat(plan.getFloat("total")).isEqualTo(53.0f);

        JsonPath one = shop.call().queryParam("variant", glue).get("/api/v1/purchasing/reorder-suggestions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(one.getList("suppliers")).isEmpty();
        assertThat(one.getList("withoutSupplier.sku")).containsExactly("REO-COL");
        shop.call().body(Map.of("variant", glue)).post("/api/v1/purchasing/reorder-suggestions/orders")
                .then().statusCode(400);

        JsonPath placed = shop.call().body(Map.of()).post("/api/v1/purchasing/reorder-suggestions/orders")
                .then().statusCode(201).extract().jsonPath();
        assertThat(placed.getList("orders.supplierName")).containsExactly("Alpha Négoce", "Bravo Distribution");
        assertThat(placed.getString("link")).isEqualTo("/app/purchasing/orders?status=DRAFT");
        JsonPath first = shop.call().get("/api/v1/purchase-orders/" + placed.getString("orders[0].id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("status")).isEqualTo("DRAFT");
        assertThat(first.getList("lines.sku")).containsExactly("REO-VIS", "REO-CLO");
        assertThat(first.getList("lines.quantity", Integer.class)).containsExactly(18, 10);
        assertThat(first.getList("lines.unitCost", Float.class)).containsExactly(1.5f, 0.8f);
        assertThat(first.getFloat("total")).isEqualTo(35.0f);

        // one supplier's variant alone: one draft, opened directly
        JsonPath single = shop.call().body(Map.of("variant", bolts)).post("/api/v1/purchasing/reorder-suggestions/orders")
                .then().statusCode(201).extract().jsonPath();
        assertThat(single.getList("orders")).hasSize(1);
        assertThat(single.getString("link")).isEqualTo("/app/purchasing/orders/" + single.getString("orders[0].id"));

        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        WebSession.Page page = web.get("/app/purchasing/reorder");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Alpha Négoce").contains("REO-COL").contains("data-reorder-form");
        // an out-of-stock alert's "Commander" opens this page for the variant (purchasing is on for new businesses)
        shop.call().body(Map.of("variantId", glue, "type", "ISSUE", "quantity", 1)).post("/api/v1/stocks/movements")
                .then().statusCode(201);
        assertThat(web.get("/app/inventory/stock/alerts").body())
                .contains("/app/purchasing/reorder?variant=" + glue);
        WebSession.Page created = web.post("/app/purchasing/reorder/orders", Map.of("variant", bolts));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location().orElseThrow()).contains("/app/purchasing/orders/");
    }

    private static void thresholds(PurchasingApi shop, String variant, int reorderPoint, Integer reorderQuantity) {
        Map<String, Object> body = reorderQuantity == null ? Map.of("reorderPoint", reorderPoint)
                : Map.of("reorderPoint", reorderPoint, "reorderQuantity", reorderQuantity);
        shop.call().body(body).put("/api/v1/stocks/" + variant).then().statusCode(200);
    }

    private static void supplies(PurchasingApi shop, String supplier, String variant, String cost, int pack, int min) {
        shop.call().body(Map.of("variantId", variant, "cost", cost, "packSize", pack, "minQuantity", min,
                        "preferred", true))
                .post("/api/v1/suppliers/" + supplier + "/variants").then().statusCode(201);
    }
}
