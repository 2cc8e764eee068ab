package app.comptoir.purchasing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** A fresh shop's administrator calling the purchasing API, with products to buy and suppliers to buy from. */
final class PurchasingApi {

    final int port;
    final Account admin;

    private PurchasingApi(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    static PurchasingApi newShop(int port) {
        return newShop(port, "Quincaillerie");
    }

    /** A fresh shop named after the business (made unique). */
    static PurchasingApi newShop(int port, String businessName) {
        return new PurchasingApi(port, Api.newBusiness(port, businessName));
    }

    RequestSpecification call() {
        return Api.as(port, admin);
    }

    RequestSpecification as(Account account) {
        return Api.as(port, account);
    }

    /** Creates a one-variant product (with its cost, when given) and returns the variant id. */
    String product(String name, String sku, String price, String cost) {
        Map<String, Object> variant = new HashMap<>(Map.of("sku", sku, "price", new BigDecimal(price)));
        if (cost != null) {
            variant.put("cost", new BigDecimal(cost));
        }
        return call().body(Map.of("name", name, "vatRate", 20, "variants", List.of(variant)))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
    }

    String supplier(String name) {
        return call().body(Map.of("name", name, "email", "commandes@" + name.toLowerCase().replace(' ', '-') + ".test"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
    }

    /** A draft to the supplier with the lines (variant, quantity, unit cost triples). */
    JsonPath draft(String supplierId, Object... variantQuantityCost) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < variantQuantityCost.length; i += 3) {
            lines.add(Map.of("variantId", variantQuantityCost[i], "quantity", variantQuantityCost[i + 1],
                    "unitCost", new BigDecimal(variantQuantityCost[i + 2].toString())));
        }
        return call().body(Map.of("supplierId", supplierId, "lines", lines)).post("/api/v1/purchase-orders")
                .then().statusCode(201).extract().jsonPath();
    }

    JsonPath act(String orderId, String act) {
        return call().post("/api/v1/purchase-orders/" + orderId + "/" + act).then().statusCode(200).extract().jsonPath();
    }

    int onHand(String variantId) {
        return call().get("/api/v1/stocks/" + variantId).then().statusCode(200).extract().jsonPath().getInt("onHand");
    }

    void stockIn(String variantId, int quantity) {
        call().body(Map.of("variantId", variantId, "type", "RECEIPT", "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    static Map<String, Object> receipt(Object... lineQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineQuantity.length; i += 2) {
            lines.add(Map.of("lineId", lineQuantity[i], "quantity", lineQuantity[i + 1]));
        }
        return Map.of("lines", lines);
    }
}
