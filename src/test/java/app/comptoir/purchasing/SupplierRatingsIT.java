package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Rating a supplier after delivery: once per delivered order, averaged on the supplier. */
@IntegrationTest
class SupplierRatingsIT {

    @LocalServerPort
    int port;

    @Test
    void theBuyerRatesTheSupplierOfADeliveredOrderOnceAndTheSupplierShowsItsAverage() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Terreau", "RAT-TER", "8.00", "3.00");
        String supplier = shop.supplier("Terreaux du Sud");
        String first = shop.draft(supplier, variant, 10, "3.00").getString("id");
        shop.act(first, "send");
        shop.call().body(Map.of("score", 4)).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(409).body("type", endsWith("/purchase-order-not-delivered"));
        deliver(shop, first);

        shop.call().body(Map.of("score", 6)).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("score"));
        shop.call().body(Map.of("score", 4, "comment", "Bien\u0007")).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        shop.as(viewer).body(Map.of("score", 4)).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(403);
        PurchasingApi other = PurchasingApi.newShop(port);
        other.call().body(Map.of("score", 1)).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(404);

        shop.call().body(Map.of("score", 4, "comment", "Livré complet,\nbien emballé"))
                .post("/api/v1/purchase-orders/" + first + "/rating").then().statusCode(201)
                .body("score", equalTo(4)).body("comment", equalTo("Livré complet,\nbien emballé"));
        shop.call().body(Map.of("score", 5)).post("/api/v1/purchase-orders/" + first + "/rating")
                .then().statusCode(409).body("type", endsWith("/purchase-order-rated"));

        String second = shop.draft(supplier, variant, 5, "3.00").getString("id");
        shop.act(second, "send");
        deliver(shop, second);
        shop.call().body(Map.of("score", 1, "comment", "En retard")).post("/api/v1/purchase-orders/" + second + "/rating")
                .then().statusCode(201);

        JsonPath summary = shop.call().get("/api/v1/suppliers/" + supplier + "/ratings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getFloat("average")).isEqualTo(2.5f);
        assertThat(summary.getInt("count")).isEqualTo(2);
        assertThat(summary.getList("latest.score", Integer.class)).containsExactlyInAnyOrder(4, 1);
        shop.call().get("/api/v1/purchase-orders/" + first + "/rating").then().statusCode(200).body("score", equalTo(4));

        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        String third = shop.draft(supplier, variant, 5, "3.00").getString("id");
        shop.act(third, "send");
        deliver(shop, third);
        assertThat(web.get("/app/purchasing/statistics").status()).isEqualTo(200);
        WebSession.Page rated = web.post("/app/purchasing/orders/" + third + "/rating", Map.of("score", "3",
                "comment", "Correct"));
        assertThat(rated.status()).isEqualTo(302);
        assertThat(rated.location().orElseThrow()).endsWith("/app/purchasing/orders/" + third + "#rating");
        shop.call().get("/api/v1/suppliers/" + supplier + "/ratings").then().body("count", equalTo(3));
        WebSession.Page orderPage = web.get("/app/purchasing/orders/" + third);
        assertThat(orderPage.status()).isEqualTo(200);
        assertThat(orderPage.body()).contains("data-rated").contains("3/5").contains("data-attachments");
        WebSession.Page supplierPage = web.get("/app/purchasing/suppliers/" + supplier);
        assertThat(supplierPage.status()).isEqualTo(200);
        assertThat(supplierPage.body()).contains("data-supplier-ratings").contains("(3 note(s))");
    }

    private static void deliver(PurchasingApi shop, String order) {
        shop.act(order, "confirm");
        shop.act(order, "ship");
        shop.act(order, "deliver");
    }
}
