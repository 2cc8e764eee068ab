package app.comptoir.sales;

import static app.comptoir.sales.OrdersIT.assertStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** The driver's day through the API: a failed delivery back to the shop, a mistaken "delivered" taken back. */
@IntegrationTest
class DriversDayIT {

    @LocalServerPort
    int port;

    /** An order of {@code quantity} pots, assigned to the driver and taken out by them. */
    private static String onTheRoad(SalesApi shop, String pot, int quantity, Account driver) {
        String id = shop.order(pot, quantity).getString("id");
        shop.move(id, "CONFIRMED");
        shop.move(id, "PREPARING");
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + id + "/assign-driver")
                .then().statusCode(200);
        shop.as(driver).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    @Test
    void aFailedDeliveryGoesBackToTheShopWithItsReasonAndLeavesTheStockUntouched() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-F", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        String id = onTheRoad(shop, pot, 3, driver);
        assertStock(shop, pot, 7, 0);

        JsonPath failed = shop.as(driver).body(Map.of("reason", "ABSENT", "note", "Personne au portail"))
                .post("/api/v1/orders/" + id + "/delivery-failure").then().statusCode(200)
                .body("status", equalTo("PREPARING"))
                .body("history[-1].status", equalTo("PREPARING"))
                .body("history[-1].step", equalTo("DELIVERY_FAILED"))
                .body("history[-1].reason", equalTo("ABSENT"))
                .body("history[-1].note", equalTo("Personne au portail"))
                .body("history[-1].byId", equalTo(driver.userId().toString()))
                .extract().jsonPath();
        assertThat(failed.getList("next")).contains("OUT_FOR_DELIVERY", "CANCELLED");
        assertStock(shop, pot, 7, 0);
        assertThat(shop.movements(pot, "SALE")).hasSize(1);
        shop.call().get("/api/v1/orders/" + id).then().statusCode(200).body("history[-1].reason", equalTo("ABSENT"));

        // Out again: the goods were sold at the first departure, nothing moves a second time.
        shop.as(driver).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        assertStock(shop, pot, 7, 0);
        assertThat(shop.movements(pot, "SALE")).hasSize(1);
        shop.as(driver).body(Map.of("status", "DELIVERED")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        assertStock(shop, pot, 7, 0);
    }

    @Test
    void anOrderBackFromAFailedDeliveryIsRestockedOnceWhenCancelled() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-G", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        String id = onTheRoad(shop, pot, 4, driver);
        shop.as(driver).body(Map.of("reason", "REFUSED")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().statusCode(200);

        shop.call().body(Map.of("note", "Le client ne veut plus")).post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertStock(shop, pot, 10, 0);
        assertThat(shop.movements(pot, "RETURN")).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRefusedWithoutAReasonOrOnAnotherDriversOrder() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-H", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        Account other = shop.user("DRIVER");
        Account viewer = shop.user("VIEWER");
        String id = onTheRoad(shop, pot, 1, driver);

        shop.as(driver).body(Map.of("reason", "OTHER")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("note"));
        shop.as(driver).body(Map.of("reason", "LOST")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("reason"));
        shop.as(other).body(Map.of("reason", "ABSENT")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().spec(Api.problem(404, "not-found"));
        shop.as(viewer).body(Map.of("reason", "ABSENT")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(driver).body(Map.of("reason", "OTHER", "note", "Chien méchant")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().statusCode(200).body("history[-1].reason", equalTo("OTHER"));
        shop.as(driver).body(Map.of("reason", "ABSENT")).post("/api/v1/orders/" + id + "/delivery-failure")
                .then().spec(Api.problem(409, "illegal-transition"));
    }

    @Test
    void undoingADeliveryRestoresTheOrderAndTheStockExactlyOnce() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-U", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        String id = onTheRoad(shop, pot, 3, driver);
        shop.as(driver).body(Map.of("status", "DELIVERED")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(200);
        assertStock(shop, pot, 7, 0);

        shop.as(driver).post("/api/v1/orders/" + id + "/undo-delivery").then().statusCode(200)
                .body("status", equalTo("OUT_FOR_DELIVERY"))
                .body("history[-1].step", equalTo("DELIVERY_UNDONE"));
        assertStock(shop, pot, 7, 0);
        shop.as(driver).post("/api/v1/orders/" + id + "/undo-delivery").then().spec(Api.problem(409, "order-not-delivered"));
        assertStock(shop, pot, 7, 0);
        assertThat(shop.movements(pot, "SALE")).hasSize(1);

        // Cancelled after the undo, the goods come back once.
        shop.call().post("/api/v1/orders/" + id + "/cancel").then().statusCode(200);
        assertStock(shop, pot, 10, 0);
        assertThat(shop.movements(pot, "RETURN")).hasSize(1);
    }

    @Test
    void aDeliveryWithAReturnIsNotUndone() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-R", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        String id = onTheRoad(shop, pot, 2, driver);
        shop.move(id, "DELIVERED");
        shop.call().body(Map.of("reason", "Cassé")).post("/api/v1/orders/" + id + "/returns").then().statusCode(201);

        shop.call().post("/api/v1/orders/" + id + "/undo-delivery").then().spec(Api.problem(409, "delivery-undo-expired"));
        shop.as(shop.user("VIEWER")).post("/api/v1/orders/" + id + "/undo-delivery").then().spec(Api.problem(403, "forbidden"));
    }
}
