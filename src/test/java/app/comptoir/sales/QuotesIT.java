package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class QuotesIT {

    /** New businesses keep the default time zone of a euro business: their "today" and year are Paris's, not the machine's. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void aQuoteGoesFromDraftToSentAndIsConvertedIntoAnOrderOnce() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-Q", "20.00", 20, 10);
        String seeds = shop.stocked("Graines", "GRA-Q", "3.00", 5, 10);
        String customer = shop.customer("Mairie de Caluire", "04 78 98 80 80");
        String address = shop.address(customer, "Place du Docteur Dumas", "Caluire-et-Cuire");

        JsonPath quote = shop.call().body(Map.of("customerId", customer, "lines", List.of(
                        Map.of("variantId", pot, "quantity", 10, "discount", 15), Map.of("variantId", seeds, "quantity", 4)),
                        "deliveryFee", 12, "notes", "Livraison en matinée"))
                .post("/api/v1/quotes").then().statusCode(201)
                .body("number", equalTo("DEV-" + Year.now(PARIS).getValue() + "-000001"))
                .body("status", equalTo("DRAFT"))
                .body("validUntil", equalTo(LocalDate.now(PARIS).plusDays(30).toString()))
                .body("customer.id", equalTo(customer))
                .extract().jsonPath();
        String id = quote.getString("id");
        // 10 × 20 − 15 % = 170 + 12 delivery at 20 % = 36.40; 12 at 5 % = 0.60
        assertThat(quote.getDouble("totals.net")).isEqualTo(194.00);
        assertThat(quote.getDouble("totals.vat")).isEqualTo(37.00);
        assertThat(quote.getDouble("totals.gross")).isEqualTo(231.00);

        shop.call().body(Map.of("notes", "Livraison l'après-midi")).put("/api/v1/quotes/" + id).then().statusCode(200)
                .body("notes", equalTo("Livraison l'après-midi")).body("lines", hasSize(2));
        shop.call().body(Map.of("status", "ACCEPTED")).patch("/api/v1/quotes/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));
        shop.call().body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("SENT")).body("next", equalTo(List.of("ACCEPTED", "REJECTED", "EXPIRED")));
        shop.call().body(Map.of("notes", "trop tard")).put("/api/v1/quotes/" + id).then().spec(Api.problem(409, "quote-not-draft"));

        JsonPath order = shop.call().body(Map.of()).post("/api/v1/quotes/" + id + "/convert").then().statusCode(201)
                .extract().jsonPath();
        assertThat(order.getString("status")).isEqualTo("DRAFT");
        assertThat(order.getString("quoteId")).isEqualTo(id);
        assertThat(order.getList("lines")).hasSize(2);
        assertThat(order.getString("lines[0].discount")).isEqualTo("15.0");
        assertThat(order.getDouble("totals.gross")).isEqualTo(231.00);
        assertThat(order.getString("deliveryAddress.addressId")).isEqualTo(address);
        assertThat(order.getString("customer.id")).isEqualTo(customer);

        shop.call().get("/api/v1/quotes/" + id).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("orderId", equalTo(order.getString("id"))).body("orderNumber", equalTo(order.getString("number")));
        shop.call().post("/api/v1/quotes/" + id + "/convert").then().spec(Api.problem(409, "quote-converted"));
        shop.call().get("/api/v1/quotes?status=ACCEPTED").then().body("total", equalTo(1));
        shop.call().get("/api/v1/quotes?customerId=" + customer).then().body("items[0].number", equalTo(quote.getString("number")));

        // The order goes on like any other
        shop.move(order.getString("id"), "CONFIRMED");
        OrdersIT.assertStock(shop, pot, 10, 10);
    }

    @Test
    void rejectedQuotesDoNotConvertAndValidationNamesTheField() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.product("Pot", "POT-QR", "20.00", 20);
        String id = shop.call().body(Map.of("customer", Map.of("name", "M. Durand", "phone", "0600000001"),
                        "lines", List.of(Map.of("variantId", pot, "quantity", 1))))
                .post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        shop.call().body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + id + "/status").then().statusCode(200);
        shop.call().body(Map.of("status", "REJECTED")).patch("/api/v1/quotes/" + id + "/status").then().statusCode(200);
        shop.call().post("/api/v1/quotes/" + id + "/convert").then().spec(Api.problem(409, "illegal-transition"));
        shop.call().body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + id + "/status")
                .then().spec(Api.problem(409, "illegal-transition"));

        shop.call().body(Map.of("customer", Map.of("name", "X"), "validUntil", "2001-01-01",
                        "lines", List.of(Map.of("variantId", pot, "quantity", 1))))
                .post("/api/v1/quotes").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("validUntil"));
        shop.call().body(Map.of("customer", Map.of("name", "X"), "lines", List.of(Map.of("variantId", pot))))
                .post("/api/v1/quotes").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("lines[0].quantity"));

        Account viewer = shop.user("VIEWER");
        shop.as(viewer).get("/api/v1/quotes/" + id).then().statusCode(200);
        shop.as(viewer).body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + id + "/status")
                .then().spec(Api.problem(403, "forbidden"));
        Account driver = shop.user("DRIVER");
        shop.as(driver).get("/api/v1/quotes").then().spec(Api.problem(403, "forbidden"));
        SalesApi.newShop(port).call().get("/api/v1/quotes/" + id).then().spec(Api.problem(404, "not-found"));
    }
}
