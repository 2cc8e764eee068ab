package app.comptoir.storefront;

import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * A business with its shop open (STOREFRONT among its modules, switched on through the settings API as its owner
 * would), its staff's API, and its store API for shoppers.
 */
final class Shops {

    final int port;
    final Account admin;

    private Shops(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    /** A new business (prices including VAT) whose shop is open. */
    static Shops open(int port, String name) {
        Shops shop = new Shops(port, Api.newBusiness(port, name, true));
        shop.switchShop(true);
        return shop;
    }

    String slug() {
        return admin.tenantSlug();
    }

    /** Switches the STOREFRONT module on or off in the business's settings. */
    void switchShop(boolean on) {
        JsonPath tenant = Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        List<String> modules = new ArrayList<>(tenant.getList("enabledModules", String.class));
        modules.remove("STOREFRONT");
        if (on) {
            modules.add("STOREFRONT");
        }
        Api.as(port, admin).body(Map.of("name", tenant.getString("name"), "slug", tenant.getString("slug"),
                        "currency", tenant.getString("currency"), "locale", tenant.getString("locale"),
                        "timezone", tenant.getString("timezone"), "enabledModules", modules))
                .put("/api/v1/tenant").then().statusCode(200);
        if (on) {
            Api.as(port, admin).get("/api/v1/tenant").then().body("enabledModules", hasItem("STOREFRONT"));
        }
    }

    /** The store API, no token. */
    RequestSpecification store() {
        return Api.given(port);
    }

    /** The store API with a shopper's token. */
    RequestSpecification store(String token) {
        return Api.given(port).header("Authorization", "Bearer " + token);
    }

    String api(String path) {
        return "/api/v1/store/" + slug() + path;
    }

    /** Registers a shopper through the store API; returns their e-mail. */
    String register(String name) {
        String email = Api.uniqueEmail("shopper");
        store().body(Map.of("email", email, "password", Api.PASSWORD, "name", name)).post(api("/customers"))
                .then().statusCode(201);
        return email;
    }

    /** Signs a shopper in through the store API; returns their token. */
    String login(String email) {
        return store().body(Map.of("email", email, "password", Api.PASSWORD)).post(api("/auth/login"))
                .then().statusCode(200).extract().path("token");
    }

    /** The sales customer of a shopper, as the office finds them by e-mail. */
    UUID customerOf(String email) {
        return UUID.fromString(Api.as(port, admin).queryParam("q", email).get("/api/v1/customers")
                .then().statusCode(200).extract().path("items[0].id"));
    }

    /** A product with one variant and 50 in stock; returns the variant's id. */
    String product(String name, String sku, String price) {
        String variant = Api.as(port, admin).body(Map.of("name", name, "vatRate", 20,
                        "variants", List.of(Map.of("sku", sku, "price", new BigDecimal(price)))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 50))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        return variant;
    }

    /** An order of the office for the customer (confirmed unless {@code draft}); returns its id and number. */
    String[] order(UUID customerId, String variant, int quantity, boolean draft) {
        JsonPath created = Api.as(port, admin).body(Map.of("customerId", customerId.toString(),
                        "lines", List.of(Map.of("variantId", variant, "quantity", quantity))))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        if (!draft) {
            Api.as(port, admin).post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        }
        return new String[] {id, created.getString("number")};
    }
}
