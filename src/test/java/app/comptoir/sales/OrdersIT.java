package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SqlStatementCounter;

@IntegrationTest
class OrdersIT {

    /** New businesses keep the default time zone of a euro business: their "today" and year are Paris's, not the machine's. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    SqlStatementCounter sql;

    @Test
    void anOrderReadsBackWithItsLinesTotalsPerVatRateAndHistory() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.product("Pot en terre cuite", "POT-30", "12.50", 20);
        String seeds = shop.product("Graines de tomate", "GRA-TOM", "3.10", 5);
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", "Mme Dupont", "phone", "06 11 22 33 44"));
        body.put("deliveryAddress", Map.of("line1", "3 rue des Lilas", "city", "Lyon", "postalCode", "69003"));
        body.put("lines", List.of(Map.of("variantId", pot, "quantity", 3, "discount", 10),
                Map.of("variantId", seeds, "quantity", 2, "unitPrice", 2.95)));
        body.put("deliveryFee", 5);
        body.put("notes", "Sonner deux fois");

        JsonPath order = shop.call().body(body).post("/api/v1/orders").then().statusCode(201)
                .body("number", equalTo("CMD-" + Year.now(PARIS).getValue() + "-000001"))
                .body("status", equalTo("DRAFT"))
                .body("customer.name", equalTo("Mme Dupont"))
                .body("deliveryAddress.city", equalTo("Lyon"))
                .body("lines", hasSize(2))
                .body("history", hasSize(1))
                .body("history[0].status", equalTo("DRAFT"))
                .body("next", equalTo(List.of("CONFIRMED", "CANCELLED")))
                .extract().jsonPath();
        // 3 × 12.50 − 10 % = 33.75 at 20 %, 2 × 2.95 = 5.90 at 5 %, delivery 5.00 at the highest rate (20 %).
        assertThat(order.getString("lines[0].net")).isEqualTo("33.75");
        assertThat(order.getString("lines[1].net")).isEqualTo("5.9");
        assertThat(order.getDouble("totals.net")).isEqualTo(44.65);
        // VAT per rate: 38.75 × 20 % = 7.75; 5.90 × 5 % = 0.295 → 0.30.
        assertThat(order.getDouble("totals.byRate[0].vat")).isEqualTo(7.75);
        assertThat(order.getDouble("totals.byRate[1].vat")).isEqualTo(0.30);
        assertThat(order.getDouble("totals.vat")).isEqualTo(8.05);
        assertThat(order.getDouble("totals.gross")).isEqualTo(52.70);
        assertThat(order.getString("history[0].by")).isNotBlank();

        String id = order.getString("id");
        shop.call().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("totals.gross", equalTo(52.70f)).body("notes", equalTo("Sonner deux fois"));
        shop.call().get("/api/v1/orders/by-number/" + order.getString("number")).then().statusCode(200)
                .body("id", equalTo(id));
        // The walk-in became a customer
        shop.call().get("/api/v1/customers/" + order.getString("customer.id")).then().statusCode(200)
                .body("walkIn", equalTo(true));
        // The second order of the business takes the next number.
        shop.order(pot, 1).getString("number").endsWith("000002");
    }

    @Test
    void everyStepOfTheWorkflowMovesTheStockAndIsRecorded() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-W", "10.00", 20, 10);
        String hose = shop.stocked("Tuyau", "TUY-W", "25.00", 20, 5);
        String id = shop.order(pot, 3, hose, 1).getString("id");
        String number = shop.call().get("/api/v1/orders/" + id).then().extract().path("number");

        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertStock(shop, pot, 10, 3);
        assertStock(shop, hose, 5, 1);

        shop.move(id, "PREPARING");
        assertStock(shop, pot, 10, 3);

        shop.move(id, "OUT_FOR_DELIVERY");
        assertStock(shop, pot, 7, 0);
        assertStock(shop, hose, 4, 0);
        List<Map<String, Object>> sales = shop.movements(pot, "SALE");
        assertThat(sales).hasSize(1);
        assertThat(sales.getFirst().get("reference")).isEqualTo(number);
        assertThat(sales.getFirst().get("change")).isEqualTo(-3);

        JsonPath delivered = shop.move(id, "DELIVERED");
        assertStock(shop, pot, 7, 0);
        assertThat(delivered.getList("history.status")).containsExactly("DRAFT", "CONFIRMED", "PREPARING",
                "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(delivered.getList("history.byId")).containsOnly(shop.admin.userId().toString());
        assertThat(delivered.getList("next")).isEmpty();

        // Delivered is final: no cancellation, no going back
        shop.call().post("/api/v1/orders/" + id + "/cancel").then().spec(Api.problem(409, "illegal-transition"));
        shop.call().body(Map.of("status", "PREPARING")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));
    }

    @Test
    void illegalTransitionsAreRefusedWithAClearProblem() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-I", "10.00", 20, 10);
        String id = shop.order(pot, 1).getString("id");

        shop.call().body(Map.of("status", "DELIVERED")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"))
                .body("from", equalTo("DRAFT")).body("to", equalTo("DELIVERED"))
                .body("allowed", equalTo(List.of("CONFIRMED", "CANCELLED")));
        shop.call().body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().spec(Api.problem(409, "illegal-transition"));
        shop.call().body(Map.of("status", "DELIVERED")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));
        shop.call().body(Map.of("status", "NOPE")).patch("/api/v1/orders/" + id + "/status")
                .then().statusCode(400);
        assertStock(shop, pot, 10, 1);
    }

    @Test
    void aShortageNamesTheShortLinesAndLeavesTheOrderAndStockUntouched() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-S", "10.00", 20, 10);
        String rake = shop.stocked("Râteau", "RAT-S", "15.00", 20, 2);
        String id = shop.order(pot, 4, rake, 3).getString("id");

        shop.call().post("/api/v1/orders/" + id + "/confirm").then().spec(Api.problem(409, "insufficient-stock"))
                .body("lines", hasSize(1))
                .body("lines[0].sku", equalTo("RAT-S"))
                .body("lines[0].variantId", equalTo(rake))
                .body("lines[0].requested", equalTo(3))
                .body("lines[0].available", equalTo(2));

        shop.call().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("history", hasSize(1));
        assertStock(shop, pot, 10, 0);
        assertStock(shop, rake, 2, 0);

        // After a receipt, the same order confirms.
        shop.receive(rake, 1);
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        assertStock(shop, rake, 3, 3);
    }

    @Test
    void cancellingGivesTheStockBackAtEveryStepBeforeDelivery() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-C", "10.00", 20, 10);

        String confirmed = shop.order(pot, 2).getString("id");
        shop.call().post("/api/v1/orders/" + confirmed + "/confirm").then().statusCode(200);
        assertStock(shop, pot, 10, 2);
        shop.call().body(Map.of("note", "Client injoignable")).post("/api/v1/orders/" + confirmed + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("history[-1].note", equalTo("Client injoignable"));
        assertStock(shop, pot, 10, 0);

        String preparing = shop.order(pot, 3).getString("id");
        shop.move(preparing, "CONFIRMED");
        shop.move(preparing, "PREPARING");
        shop.move(preparing, "CANCELLED");
        assertStock(shop, pot, 10, 0);

        String onTheRoad = shop.order(pot, 4).getString("id");
        shop.move(onTheRoad, "CONFIRMED");
        shop.move(onTheRoad, "PREPARING");
        shop.move(onTheRoad, "OUT_FOR_DELIVERY");
        assertStock(shop, pot, 6, 0);
        shop.move(onTheRoad, "CANCELLED");
        assertStock(shop, pot, 10, 0);
        assertThat(shop.movements(pot, "RETURN")).hasSize(1);

        String draft = shop.order(pot, 1).getString("id");
        shop.move(draft, "CANCELLED");
        assertStock(shop, pot, 10, 0);
        shop.call().post("/api/v1/orders/" + draft + "/cancel").then().spec(Api.problem(409, "illegal-transition"));
    }

    @Test
    void aPartialReturnRestocksTheLinesAndRecordsTheRefund() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-R", "10.00", 20, 10);
        String seeds = shop.stocked("Graines", "GRA-R", "4.00", 5, 10);
        JsonPath order = shop.order(pot, 3, seeds, 2);
        String id = order.getString("id");
        String potLine = order.getString("lines[0].id");

        shop.call().body(Map.of("lines", List.of(Map.of("lineId", potLine, "quantity", 1))))
                .post("/api/v1/orders/" + id + "/returns").then().spec(Api.problem(409, "order-not-delivered"));
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(id, status);
        }
        assertStock(shop, pot, 7, 0);

        JsonPath returned = shop.call().body(Map.of("lines", List.of(Map.of("lineId", potLine, "quantity", 1)),
                        "reason", "Pot fêlé"))
                .post("/api/v1/orders/" + id + "/returns").then().statusCode(201).extract().jsonPath();
        // One pot of 10.00 + 20 % VAT.
        assertThat(returned.getDouble("refunded")).isEqualTo(12.00);
        assertThat(returned.getInt("lines[0].returnedQuantity")).isEqualTo(1);
        assertThat(returned.getInt("lines[1].returnedQuantity")).isZero();
        assertThat(returned.getList("returns")).hasSize(1);
        assertThat(returned.getString("returns[0].lines[0].sku")).isEqualTo("POT-R");
        assertThat(returned.getString("status")).isEqualTo("DELIVERED");
        assertStock(shop, pot, 8, 0);
        assertStock(shop, seeds, 8, 0);
        List<Map<String, Object>> returns = shop.movements(pot, "RETURN");
        assertThat(returns).hasSize(1);
        assertThat(returns.getFirst().get("change")).isEqualTo(1);
        assertThat(returns.getFirst().get("reference")).isEqualTo(order.getString("number"));

        // No more than what is left to return
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", potLine, "quantity", 3))))
                .post("/api/v1/orders/" + id + "/returns").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("lines[0].quantity"));
        // Everything else
        shop.call().body(Map.of()).post("/api/v1/orders/" + id + "/returns").then().statusCode(201)
                .body("returns", hasSize(2)).body("refunded", equalTo(44.40f));
        assertStock(shop, pot, 10, 0);
        assertStock(shop, seeds, 10, 0);
        shop.call().body(Map.of()).post("/api/v1/orders/" + id + "/returns").then().spec(Api.problem(409, "nothing-to-return"));
    }

    @Test
    void linesChangeOnlyInDraft() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-L", "10.00", 20, 10);
        String saucer = shop.stocked("Soucoupe", "SOU-L", "2.00", 20, 10);
        String id = shop.order(pot, 1).getString("id");

        JsonPath added = shop.call().body(Map.of("variantId", saucer, "quantity", 2))
                .post("/api/v1/orders/" + id + "/items").then().statusCode(201).extract().jsonPath();
        assertThat(added.getList("lines")).hasSize(2);
        assertThat(added.getDouble("totals.gross")).isEqualTo(16.80);
        String potLine = added.getString("lines[0].id");
        shop.call().delete("/api/v1/orders/" + id + "/items/" + potLine).then().statusCode(200)
                .body("lines", hasSize(1)).body("totals.net", equalTo(4.00f));
        shop.call().delete("/api/v1/orders/" + id + "/items/" + UUID.randomUUID()).then().spec(Api.problem(404, "not-found"));

        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        shop.call().body(Map.of("variantId", pot, "quantity", 1)).post("/api/v1/orders/" + id + "/items")
                .then().spec(Api.problem(409, "order-not-draft"));
        String saucerLine = added.getString("lines[1].id");
        shop.call().delete("/api/v1/orders/" + id + "/items/" + saucerLine).then().spec(Api.problem(409, "order-not-draft"));
        shop.call().body(Map.of("deliveryFee", 3)).put("/api/v1/orders/" + id).then().spec(Api.problem(409, "order-not-draft"));
        shop.call().body(Map.of("notes", "Laisser au voisin")).put("/api/v1/orders/" + id).then().statusCode(200)
                .body("notes", equalTo("Laisser au voisin"));
        shop.call().delete("/api/v1/orders/" + id).then().spec(Api.problem(409, "order-not-draft"));

        String draft = shop.order(pot, 1).getString("id");
        shop.call().delete("/api/v1/orders/" + draft).then().statusCode(204);
        shop.call().get("/api/v1/orders/" + draft).then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void theDeliveryAddressIsASnapshot() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.product("Pot", "POT-A", "10.00", 20);
        String customer = shop.customer("M. Martin", "04 78 00 00 00");
        String address = shop.address(customer, "12 quai Saint-Vincent", "Lyon");
        Map<String, Object> body = new HashMap<>(SalesApi.orderBody(pot, 1));
        body.remove("customer");
        body.put("customerId", customer);
        String id = shop.call().body(body).post("/api/v1/orders").then().statusCode(201)
                .body("deliveryAddress.line1", equalTo("12 quai Saint-Vincent"))
                .body("deliveryAddress.addressId", equalTo(address))
                .body("customer.id", equalTo(customer)).extract().path("id");

        shop.call().body(Map.of("line1", "1 place Bellecour", "city", "Lyon"))
                .put("/api/v1/customers/" + customer + "/addresses/" + address).then().statusCode(200);
        shop.call().get("/api/v1/orders/" + id).then().body("deliveryAddress.line1", equalTo("12 quai Saint-Vincent"));
        shop.call().get("/api/v1/orders?customerId=" + customer).then().body("total", equalTo(1))
                .body("items[0].city", equalTo("Lyon"));
    }

    @Test
    void aDraftChangesCustomerAndAddressAndAConfirmedOrderOnlyItsAddress() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-U", "10.00", 20, 10);
        String id = shop.order(pot, 1).getString("id");
        String customer = shop.customer("Mme Renard", "04 72 11 22 33");
        String home = shop.address(customer, "4 rue Juiverie", "Lyon");
        shop.call().body(Map.of("customerId", customer, "deliveryFee", 6)).put("/api/v1/orders/" + id).then().statusCode(200)
                .body("customer.name", equalTo("Mme Renard"))
                .body("deliveryAddress.addressId", equalTo(home))
                .body("totals.gross", equalTo(19.20f));
        shop.move(id, "CONFIRMED");
        String office = shop.address(customer, "20 rue de la Bourse", "Lyon");
        shop.call().body(Map.of("deliveryAddressId", office)).put("/api/v1/orders/" + id).then().statusCode(200)
                .body("deliveryAddress.line1", equalTo("20 rue de la Bourse"));
        shop.call().body(Map.of("customer", Map.of("name", "Autre"))).put("/api/v1/orders/" + id)
                .then().spec(Api.problem(409, "order-not-draft"));
        shop.call().body(Map.of("deliveryAddressId", UUID.randomUUID())).put("/api/v1/orders/" + id)
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("deliveryAddressId"));
        shop.call().body(Map.of("notes", "x", "version", 0)).put("/api/v1/orders/" + id)
                .then().spec(Api.problem(409, "concurrent-modification"));
        shop.move(id, "PREPARING");
        shop.move(id, "OUT_FOR_DELIVERY");
        shop.call().body(Map.of("deliveryAddressId", home)).put("/api/v1/orders/" + id)
                .then().spec(Api.problem(409, "order-locked"));
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheSameOrder() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.product("Pot", "POT-K", "10.00", 20);
        String key = UUID.randomUUID().toString();
        String first = shop.call().header("Idempotency-Key", key).body(SalesApi.orderBody(pot, 1))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        String again = shop.call().header("Idempotency-Key", key).body(SalesApi.orderBody(pot, 1))
                .post("/api/v1/orders").then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        // The same key with another request is refused, not answered with the first order.
        shop.call().header("Idempotency-Key", key).body(SalesApi.orderBody(pot, 9))
                .post("/api/v1/orders").then().spec(Api.problem(422, "idempotency-key-reused"));
        shop.call().get("/api/v1/orders").then().body("total", equalTo(1));
        // Another business may use the same key.
        SalesApi other = SalesApi.newShop(port);
        String otherPot = other.product("Pot", "POT-K", "10.00", 20);
        other.call().header("Idempotency-Key", key).body(SalesApi.orderBody(otherPot, 1))
                .post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void aDriverSeesAndMovesOnlyTheirOwnOrders() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-D", "10.00", 20, 10);
        Account driverA = shop.user("DRIVER");
        Account driverB = shop.user("DRIVER");
        Account manager = shop.user("MANAGER");
        String mine = shop.order(pot, 1).getString("id");
        String theirs = shop.order(pot, 1).getString("id");
        shop.order(pot, 1);
        for (String id : List.of(mine, theirs)) {
            shop.move(id, "CONFIRMED");
            shop.move(id, "PREPARING");
        }
        shop.as(manager).body(Map.of("driverId", driverA.userId())).post("/api/v1/orders/" + mine + "/assign-driver")
                .then().statusCode(200).body("driver.id", equalTo(driverA.userId().toString()));
        shop.call().body(Map.of("driverId", driverB.userId())).post("/api/v1/orders/" + theirs + "/assign-driver")
                .then().statusCode(200);
        shop.call().body(Map.of("driverId", manager.userId())).post("/api/v1/orders/" + theirs + "/assign-driver")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("driverId"));
        shop.call().get("/api/v1/orders/drivers").then().statusCode(200).body("size()", equalTo(2));

        shop.as(driverA).get("/api/v1/orders").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(mine));
        shop.as(driverA).get("/api/v1/orders/" + theirs).then().spec(Api.problem(404, "not-found"));
        shop.as(driverA).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + theirs + "/status")
                .then().spec(Api.problem(404, "not-found"));
        shop.as(driverA).get("/api/v1/orders/statuses").then().statusCode(200)
                .body("find { it.status == 'PREPARING' }.count", equalTo(1));

        shop.as(driverA).body(Map.of("status", "OUT_FOR_DELIVERY")).patch("/api/v1/orders/" + mine + "/status")
                .then().statusCode(200).body("status", equalTo("OUT_FOR_DELIVERY"));
        shop.as(driverA).body(Map.of("status", "CANCELLED")).patch("/api/v1/orders/" + mine + "/status")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(driverA).post("/api/v1/orders/" + mine + "/cancel").then().spec(Api.problem(403, "forbidden"));
        shop.as(driverA).body(SalesApi.orderBody(pot, 1)).post("/api/v1/orders").then().spec(Api.problem(403, "forbidden"));
        shop.as(driverA).get("/api/v1/customers").then().spec(Api.problem(403, "forbidden"));
        JsonPath delivered = shop.as(driverA).body(Map.of("status", "DELIVERED", "note", "Remis en main propre"))
                .patch("/api/v1/orders/" + mine + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(delivered.getString("history[-1].byId")).isEqualTo(driverA.userId().toString());
        assertThat(delivered.getString("customer.phone")).isNotBlank();
    }

    @Test
    void viewersReadButDoNotWrite() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-V", "10.00", 20, 10);
        String id = shop.order(pot, 1).getString("id");
        Account viewer = shop.user("VIEWER");
        shop.as(viewer).get("/api/v1/orders/" + id).then().statusCode(200);
        shop.as(viewer).get("/api/v1/orders").then().statusCode(200).body("total", equalTo(1));
        shop.as(viewer).post("/api/v1/orders/" + id + "/confirm").then().spec(Api.problem(403, "forbidden"));
        shop.as(viewer).body(Map.of("status", "CONFIRMED")).patch("/api/v1/orders/" + id + "/status")
                .then().spec(Api.problem(403, "forbidden"));
        shop.as(viewer).body(SalesApi.orderBody(pot, 1)).post("/api/v1/orders").then().spec(Api.problem(403, "forbidden"));
    }

    @Test
    void invalidOrdersAreRefusedFieldByField() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.product("Pot", "POT-X", "10.00", 20);
        shop.call().body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)))).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("customerId"));
        shop.call().body(SalesApi.orderBody(pot, 0)).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].quantity"));
        shop.call().body(SalesApi.orderBody(UUID.randomUUID().toString(), 1)).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].variantId"));
        Map<String, Object> discount = new HashMap<>(SalesApi.orderBody(pot, 1));
        discount.put("lines", List.of(Map.of("variantId", pot, "quantity", 1, "discount", 120)));
        shop.call().body(discount).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].discount"));
        Map<String, Object> fee = new HashMap<>(SalesApi.orderBody(pot, 1));
        fee.put("deliveryFee", -1);
        shop.call().body(fee).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("deliveryFee"));
        shop.call().body(Map.of("customer", Map.of("phone", "0600000000"))).post("/api/v1/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("customer.name"));
        shop.call().body(Map.of("customer", Map.of("name", "X"), "colour", "red")).post("/api/v1/orders")
                .then().spec(Api.problem(400, "unknown-field"));
        // An empty draft may be created, but not confirmed.
        String empty = shop.call().body(Map.of("customer", Map.of("name", "Sans lignes"))).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        shop.call().post("/api/v1/orders/" + empty + "/confirm").then().spec(Api.problem(409, "order-empty"));
        shop.call().get("/api/v1/orders?status=NOPE").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void anotherBusinessesOrdersAreNotFound() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-T", "10.00", 20, 10);
        JsonPath order = shop.order(pot, 1);
        SalesApi other = SalesApi.newShop(port);
        String id = order.getString("id");
        other.call().get("/api/v1/orders/" + id).then().spec(Api.problem(404, "not-found"));
        other.call().get("/api/v1/orders/by-number/" + order.getString("number")).then().spec(Api.problem(404, "not-found"));
        other.call().post("/api/v1/orders/" + id + "/confirm").then().spec(Api.problem(404, "not-found"));
        other.call().delete("/api/v1/orders/" + id).then().spec(Api.problem(404, "not-found"));
        other.call().get("/api/v1/orders").then().body("total", equalTo(0));
        other.call().get("/api/v1/customers/" + order.getString("customer.id")).then().spec(Api.problem(404, "not-found"));
        // Nor can another business's variant be sold
        other.call().body(SalesApi.orderBody(pot, 1)).post("/api/v1/orders").then().spec(Api.problem(400, "validation"));
        shop.call().get("/api/v1/orders/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void listsFilterAndExport() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-F", "10.00", 20, 10);
        String a = shop.order(pot, 1).getString("id");
        shop.order(pot, 2);
        shop.move(a, "CONFIRMED");
        shop.call().get("/api/v1/orders?status=CONFIRMED").then().body("total", equalTo(1)).body("items[0].id", equalTo(a));
        shop.call().get("/api/v1/orders?status=CONFIRMED,DRAFT").then().body("total", equalTo(2));
        shop.call().get("/api/v1/orders?q=passage").then().body("total", equalTo(2));
        shop.call().get("/api/v1/orders?q=CMD-").then().body("total", equalTo(2));
        shop.call().get("/api/v1/orders?from=2000-01-01&to=2000-01-02").then().body("total", equalTo(0));
        shop.call().get("/api/v1/orders?size=1").then().body("items", hasSize(1)).body("total", equalTo(2));
        shop.call().get("/api/v1/orders/statuses").then().statusCode(200).body("size()", equalTo(6))
                .body("[0].status", equalTo("DRAFT")).body("[0].count", equalTo(1))
                .body("[0].next", equalTo(List.of("CONFIRMED", "CANCELLED")));
        String csv = shop.call().accept("text/csv").get("/api/v1/orders/export.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).startsWith("number,created_at,status");
        shop.call().accept("text/csv").get("/api/v1/orders/export.csv?status=CONFIRMED").then()
                .body(startsWith("number"));
        // For people in French: Excel's byte order mark, semicolons, translated columns and statuses.
        String french = new String(shop.call().accept("text/csv").get("/api/v1/orders/export.csv?lang=fr").then()
                .statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french).startsWith("\ufeffNuméro;Date;Statut;Client;").contains(";Brouillon;");
        shop.call().accept("*/*").get("/api/v1/orders/export.xlsx?lang=en").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx"));
    }

    @Test
    void xofAmountsHaveNoDecimals() {
        SalesApi shop = SalesApi.newShop(port, "XOF");
        String rice = shop.product("Riz 5 kg", "RIZ-5", "3500", 18);
        Map<String, Object> body = new HashMap<>(SalesApi.orderBody(rice, 3));
        body.put("lines", List.of(Map.of("variantId", rice, "quantity", 3, "discount", 3.33)));
        JsonPath order = shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        assertThat(order.getString("currency")).isEqualTo("XOF");
        // 10 500 − 3.33 % = 10 150.35 → 10 150; VAT 18 % = 1 827
        assertThat(order.getString("lines[0].net")).isEqualTo("10150");
        assertThat(order.getString("totals.vat")).isEqualTo("1827");
        assertThat(order.getString("totals.gross")).isEqualTo("11977");
        Map<String, Object> cents = new HashMap<>(SalesApi.orderBody(rice, 1));
        cents.put("deliveryFee", 500.5);
        shop.call().body(cents).post("/api/v1/orders").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("deliveryFee"));
    }

    @Test
    void readingOrdersCostsAFixedNumberOfStatements() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-N", "10.00", 20, 100);
        String saucer = shop.stocked("Soucoupe", "SOU-N", "2.00", 20, 100);
        String small = shop.order(pot, 1).getString("id");
        // Confirmed, like the big one: a confirmed order's page also reads its payment (a draft owes nothing).
        shop.move(small, "CONFIRMED");
        int listOfOne = statements(shop, "/api/v1/orders");
        int detailOfOne = statements(shop, "/api/v1/orders/" + small);

        for (int i = 0; i < 5; i++) {
            shop.order(pot, 1, saucer, 2);
        }
        String big = shop.order(pot, 1, saucer, 1, pot, 2, saucer, 3, pot, 4).getString("id");
        shop.move(big, "CONFIRMED");
        // The tenant setting, the count, the page, and every order's payment in one statement (payments' summaries).
        assertThat(statements(shop, "/api/v1/orders")).isEqualTo(listOfOne).isLessThanOrEqualTo(4);
        assertThat(statements(shop, "/api/v1/orders/" + big)).isEqualTo(detailOfOne).isLessThanOrEqualTo(4);
    }

    @Test
    void placingAnOrderCostsAFixedNumberOfStatements() {
        SalesApi shop = SalesApi.newShop(port);
        String a = shop.stocked("Pot", "POT-P", "10.00", 20, 100);
        String b = shop.stocked("Soucoupe", "SOU-P", "2.00", 20, 100);
        String c = shop.stocked("Terreau", "TER-P", "8.00", 10, 100);
        // An overstocked variant (its alert open) stays overstocked when reserved: nothing to check again.
        shop.call().body(Map.of("overstockLevel", 50)).put("/api/v1/stocks/" + a)
                .then().statusCode(200).body("status", equalTo("OVERSTOCK"));
        String customer = shop.customer("Client", "0600000003");
        shop.address(customer, "1 rue", "Lyon");
        Map<String, Object> body = new HashMap<>(SalesApi.orderBody(a, 1, b, 1, c, 1));
        body.remove("customer");
        body.put("customerId", customer);
        // The business's first order also creates its sequence of order numbers.
        String first = shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        shop.call().post("/api/v1/orders/" + first + "/confirm").then().statusCode(200);
        String create = UUID.randomUUID().toString();
        String id = shop.call().header("X-Request-Id", create).body(body).post("/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        String confirm = UUID.randomUUID().toString();
        shop.call().header("X-Request-Id", confirm).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        System.out.printf("SQL statements: create %d, confirm %d (3 lines)%n", sql.statements(create),
                sql.statements(confirm));
        // Create: transaction's tenant setting, variants, customer with addresses, then the order with its lines,
        // history, audit row and number. Confirm: tenant setting, order with lines, reservation, 3 guarded
        // updates, then the status with its history and audit row. Each also stores the event publications of the
        // notifications module's two listeners of OrderCreated and OrderConfirmed (webhooks, the notification
        // centre): the persistent registry inserts one row per listener, so nothing is lost in a crash. Confirming
        // also tells payments what the order now owes, in its transaction (the due's row locked, stored and audited),
        // and answers the order with its payment (one more statement).
        assertThat(sql.statements(create)).isLessThanOrEqualTo(6);
        assertThat(sql.statements(confirm)).isLessThanOrEqualTo(13);
    }

    private int statements(SalesApi shop, String path) {
        String requestId = UUID.randomUUID().toString();
        shop.call().header("X-Request-Id", requestId).get(path).then().statusCode(200);
        return sql.statements(requestId);
    }

    static void assertStock(SalesApi shop, String variant, int onHand, int reserved) {
        JsonPath stock = shop.stock(variant);
        assertThat(stock.getInt("onHand")).as("on hand").isEqualTo(onHand);
        assertThat(stock.getInt("reserved")).as("reserved").isEqualTo(reserved);
    }
}
