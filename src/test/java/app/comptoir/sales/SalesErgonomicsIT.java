package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** Quotes and orders ergonomics through the API: in-place quantities, customer totals, the list's filters. */
@IntegrationTest
class SalesErgonomicsIT {

    @LocalServerPort
    int port;

    @Test
    void aDraftLinesQuantityChangesInPlaceAndTheTotalsFollow() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-Q", "10.00", 20, 10);
        String id = shop.order(pot, 2).getString("id");
        String line = shop.call().get("/api/v1/orders/" + id).then().extract().path("lines[0].id");

        shop.call().body(Map.of("quantity", 5)).patch("/api/v1/orders/" + id + "/items/" + line).then().statusCode(200)
                .body("lines[0].quantity", equalTo(5))
                .body("totals.net", equalTo(50.00f))
                .body("totals.gross", equalTo(60.00f));
        shop.call().body(Map.of("quantity", 0)).patch("/api/v1/orders/" + id + "/items/" + line)
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("quantity"));
        shop.as(shop.user("VIEWER")).body(Map.of("quantity", 3)).patch("/api/v1/orders/" + id + "/items/" + line)
                .then().spec(Api.problem(403, "forbidden"));

        shop.move(id, "CONFIRMED");
        shop.call().body(Map.of("quantity", 3)).patch("/api/v1/orders/" + id + "/items/" + line)
                .then().spec(Api.problem(409, "order-not-draft"));
        OrdersIT.assertStock(shop, pot, 10, 5);
    }

    @Test
    void aCustomersTotalsCountTheirSalesOrdersAndLastOrder() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-T", "10.00", 20, 10);
        String customer = shop.customer("Lucie Bernard", "06 11 22 33 44");
        shop.call().get("/api/v1/customers/" + customer + "/totals").then().statusCode(200)
                .body("spent", equalTo(0.00f)).body("orders", equalTo(0)).body("lastOrderAt", nullValue());

        String delivered = order(shop, customer, pot, 2);
        for (String s : new String[] {"CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"}) {
            shop.move(delivered, s);
        }
        String cancelled = order(shop, customer, pot, 1);
        shop.move(cancelled, "CANCELLED");
        order(shop, customer, pot, 3);

        shop.call().get("/api/v1/customers/" + customer + "/totals").then().statusCode(200)
                .body("spent", equalTo(24.00f)).body("orders", equalTo(2));
        shop.call().body(Map.of("refund", 4.00, "reason", "Ébréché")).post("/api/v1/orders/" + delivered + "/returns")
                .then().statusCode(201);
        shop.call().get("/api/v1/customers/" + customer + "/totals").then().statusCode(200)
                .body("spent", equalTo(20.00f));
        shop.as(shop.user("DRIVER")).get("/api/v1/customers/" + customer + "/totals").then()
                .spec(Api.problem(403, "forbidden"));
    }

    @Test
    void theOrderListFiltersByDriverAndDay() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-L", "10.00", 20, 10);
        Account driver = shop.user("DRIVER");
        String mine = shop.order(pot, 1).getString("id");
        shop.order(pot, 1);
        shop.call().body(Map.of("driverId", driver.userId())).post("/api/v1/orders/" + mine + "/assign-driver")
                .then().statusCode(200);

        shop.call().queryParam("driverId", driver.userId()).get("/api/v1/orders").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        shop.call().queryParam("from", today.plusDays(1).toString()).get("/api/v1/orders").then().statusCode(200)
                .body("total", equalTo(0));
        int all = shop.call().queryParam("from", today.minusDays(1).toString()).get("/api/v1/orders").then()
                .statusCode(200).extract().path("total");
        assertThat(all).isEqualTo(2);
    }

    private static String order(SalesApi shop, String customer, String variant, int quantity) {
        Map<String, Object> body = new java.util.HashMap<>(SalesApi.orderBody(variant, quantity));
        body.remove("customer");
        body.put("customerId", customer);
        return shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }
}
