package app.comptoir.storefront;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** A fresh business with its shop switched on, and its administrator's catalog calls to fill it. */
final class ShopApi {

    final int port;
    final Account admin;

    private ShopApi(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    /** Signs up a business (its shop starts off) and switches its shop on; prices include VAT or not. */
    static ShopApi open(int port, String name, boolean pricesIncludeVat) {
        ShopApi shop = new ShopApi(port, Api.newBusiness(port, name, pricesIncludeVat));
        shop.switchShop(true);
        return shop;
    }

    /** Signs up a business and leaves its shop off, as every new business's. */
    static ShopApi closed(int port, String name) {
        return new ShopApi(port, Api.newBusiness(port, name, true));
    }

    String slug() {
        return admin.tenantSlug();
    }

    RequestSpecification call() {
        return Api.as(port, admin);
    }

    void switchShop(boolean on) {
        Map<String, Object> tenant = call().get("/api/v1/tenant").then().statusCode(200).extract().jsonPath().getMap("");
        List<String> modules = new ArrayList<>(call().get("/api/v1/tenant").then().extract().jsonPath()
                .getList("enabledModules", String.class));
        modules.remove("STOREFRONT");
        if (on) {
            modules.add("STOREFRONT");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : List.of("name", "slug", "currency", "locale", "timezone", "pricesIncludeVat")) {
            settings.put(key, tenant.get(key));
        }
        settings.put("enabledModules", modules);
        call().body(settings).put("/api/v1/tenant").then().statusCode(200);
    }

    String category(String name, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        return call().body(body).post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    /** Creates a product of one variant with its opening stock; returns its id. */
    String product(String name, String sku, String price, String status, String categoryId, int stock, String... tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vatRate", 20);
        body.put("status", status);
        body.put("categoryId", categoryId);
        body.put("tags", List.of(tags));
        body.put("description", name + " : une description de test.");
        body.put("variants", List.of(variant(sku, price, Map.of(), stock)));
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    /** Creates an active product with variants (options → values, price, opening stock); returns its id. */
    String productWithVariants(String name, String categoryId, List<Map<String, Object>> options,
                               List<Map<String, Object>> variants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vatRate", 20);
        body.put("status", "ACTIVE");
        body.put("categoryId", categoryId);
        body.put("brand", "Meilland");
        body.put("options", options);
        body.put("variants", variants);
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> variant(String sku, String price, Map<String, String> options, int stock) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sku", sku);
        v.put("price", new BigDecimal(price));
        v.put("cost", new BigDecimal("1.11"));
        v.put("options", options);
        if (stock > 0) {
            v.put("openingStock", stock);
        }
        return v;
    }

    static Map<String, Object> option(String name, String... values) {
        return Map.of("name", name, "values", List.of(values));
    }
}
