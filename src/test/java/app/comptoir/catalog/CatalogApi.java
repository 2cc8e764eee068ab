package app.comptoir.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Api;

/** A fresh tenant's admin calling the catalog API, with builders for request bodies. */
final class CatalogApi {

    final int port;
    final String token;

    private CatalogApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** Signs up a new business and acts as its administrator. */
    static CatalogApi newShop(int port) {
        String token = Api.signup(port, "Boutique test").then().statusCode(201).extract().path("accessToken");
        return new CatalogApi(port, token);
    }

    static CatalogApi as(int port, String token) {
        return new CatalogApi(port, token);
    }

    RequestSpecification call() {
        return Api.as(port, token);
    }

    /** Creates a product and returns its JSON; fails the test unless it is created. */
    Response create(Map<String, Object> body) {
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().response();
    }

    String createCategory(String name, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        return call().body(body).post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    /** A product body with one variant and no options. */
    static Map<String, Object> simple(String name, String sku, String price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vatRate", 20);
        body.put("variants", List.of(variant(sku, price)));
        return body;
    }

    static Map<String, Object> variant(String sku, String price) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sku", sku);
        v.put("price", new BigDecimal(price));
        return v;
    }

    static Map<String, Object> option(String name, String... values) {
        return Map.of("name", name, "values", List.of(values));
    }

    /** A product body whose variants are generated from options. */
    static Map<String, Object> matrix(String name, String baseSku, String price, List<Map<String, Object>> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("vatRate", 20);
        body.put("options", new ArrayList<>(options));
        body.put("baseSku", baseSku);
        body.put("price", new BigDecimal(price));
        return body;
    }
}
