package app.comptoir.inventory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** A fresh shop's administrator calling the stock API, with a few products to move. */
final class InventoryApi {

    final int port;
    final Account admin;

    private InventoryApi(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    static InventoryApi newShop(int port) {
        return new InventoryApi(port, Api.newBusiness(port, "Quincaillerie"));
    }

    RequestSpecification call() {
        return Api.as(port, admin);
    }

    /** Creates a one-variant product and returns the variant id. */
    String product(String name, String sku) {
        Map<String, Object> body = Map.of("name", name, "vatRate", 20,
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("9.90"))));
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
    }

    JsonPath move(String variantId, String type, int quantity) {
        return call().body(movement(variantId, type, quantity)).post("/api/v1/stocks/movements")
                .then().statusCode(201).extract().jsonPath();
    }

    void receive(String variantId, int quantity) {
        move(variantId, "RECEIPT", quantity);
    }

    JsonPath stock(String variantId) {
        return call().get("/api/v1/stocks/" + variantId).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> movement(String variantId, String type, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("variantId", variantId);
        body.put("type", type);
        body.put("quantity", quantity);
        return body;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
