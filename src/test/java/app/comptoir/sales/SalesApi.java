package app.comptoir.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** A fresh shop's administrator calling the sales API, with products to sell and stock to sell from. */
final class SalesApi {

    final int port;
    final Account admin;

    private SalesApi(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    static SalesApi newShop(int port) {
        return new SalesApi(port, Api.newBusiness(port, "Jardinerie"));
    }

    /** A shop keeping its books in another currency (e.g. XOF), prices excluding VAT. */
    static SalesApi newShop(int port, String currency) {
        return newShop(port, currency, false);
    }

    /** A shop keeping its books in a currency, its prices including VAT (TTC) or not (HT). */
    static SalesApi newShop(int port, String currency, boolean pricesIncludeVat) {
        JsonPath body = Api.given(port).body(Map.of("businessName", "Boutique " + UUID.randomUUID().toString().substring(0, 8),
                        "email", Api.uniqueEmail("owner"), "password", Api.PASSWORD, "currency", currency,
                        "pricesIncludeVat", pricesIncludeVat))
                .post("/api/v1/auth/signup").then().statusCode(201).extract().jsonPath();
        return new SalesApi(port, new Account(UUID.fromString(body.getString("tenant.id")), body.getString("tenant.slug"),
                UUID.fromString(body.getString("user.id")), body.getString("user.email"), Api.PASSWORD,
                body.getString("accessToken"), body.getString("refreshToken")));
    }

    RequestSpecification call() {
        return Api.as(port, admin);
    }

    RequestSpecification as(Account account) {
        return Api.as(port, account);
    }

    Account user(String... roles) {
        return Api.newUser(port, admin, roles);
    }

    /** Creates a one-variant product and returns the variant id. */
    String product(String name, String sku, String price, int vatRate) {
        Map<String, Object> body = Map.of("name", name, "vatRate", vatRate,
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal(price))));
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
    }

    /** A product with stock. */
    String stocked(String name, String sku, String price, int vatRate, int quantity) {
        String variant = product(name, sku, price, vatRate);
        if (quantity > 0) {
            receive(variant, quantity);
        }
        return variant;
    }

    void receive(String variantId, int quantity) {
        call().body(Map.of("variantId", variantId, "type", "RECEIPT", "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    JsonPath stock(String variantId) {
        return call().get("/api/v1/stocks/" + variantId).then().statusCode(200).extract().jsonPath();
    }

    /** The movements of a variant of one type, newest first. */
    List<Map<String, Object>> movements(String variantId, String type) {
        return call().queryParam("variantId", variantId).queryParam("type", type).get("/api/v1/stocks/movements")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    String customer(String name, String phone) {
        return call().body(Map.of("name", name, "phone", phone)).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    String address(String customerId, String line1, String city) {
        return call().body(Map.of("line1", line1, "city", city, "postalCode", "69003"))
                .post("/api/v1/customers/" + customerId + "/addresses").then().statusCode(201).extract().path("id");
    }

    /** A draft order for a walk-in customer with the lines (variant, quantity pairs). */
    JsonPath order(Object... variantQuantity) {
        return call().body(orderBody(variantQuantity)).post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
    }

    static Map<String, Object> orderBody(Object... variantQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < variantQuantity.length; i += 2) {
            lines.add(line(variantQuantity[i].toString(), (Integer) variantQuantity[i + 1]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", "Client de passage", "phone", "06 12 34 56 78"));
        body.put("lines", lines);
        return body;
    }

    static Map<String, Object> line(String variantId, int quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("variantId", variantId);
        line.put("quantity", quantity);
        return line;
    }

    JsonPath move(String orderId, String status) {
        return call().body(Map.of("status", status)).patch("/api/v1/orders/" + orderId + "/status")
                .then().statusCode(200).extract().jsonPath();
    }
}
