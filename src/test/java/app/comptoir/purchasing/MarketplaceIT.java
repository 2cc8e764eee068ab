package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The marketplace: registered suppliers sign up, fill their profile and catalog, and shopkeepers find them and
 * their products; nobody writes another business's catalog; an order below the supplier's minimum is refused.
 */
@IntegrationTest
class MarketplaceIT {

    @LocalServerPort
    int port;

    /** A registered supplier's business, signed up through the API with the kind SUPPLIER. */
    static Account newSupplier(int port, String company, String currency) {
        String email = Api.uniqueEmail("fournisseur");
        Api.given(port).body(Map.of("businessName", company, "email", email, "password", Api.PASSWORD,
                "currency", currency, "kind", "SUPPLIER")).post("/api/v1/auth/signup").then().statusCode(201);
        return SupplierInvitationsIT.signIn(port, email);
    }

    static String addProduct(int port, Account supplier, String name, String category, String price, int minQuantity) {
        return Api.as(port, supplier).body(Map.of("name", name, "category", category, "price", price, "unit", "carton",
                "minQuantity", minQuantity, "availableStock", 500)).post("/api/v1/supplier/products")
                .then().statusCode(201).extract().path("id");
    }

    static void profile(int port, Account supplier, String company, String city, List<String> categories,
                        String minimumOrder) {
        Api.as(port, supplier).body(Map.of("company", company, "description", "Grossiste", "city", city,
                        "deliveryZones", List.of(city), "categories", categories, "minimumOrder", minimumOrder,
                        "averageDeliveryDays", 2, "phone", "+221 33 000 00 00", "email", supplier.email()))
                .put("/api/v1/supplier/profile").then().statusCode(200);
    }

    /** A shopkeeper whose business buys in the currency. */
    static Account newShopIn(int port, String currency) {
        String email = Api.uniqueEmail("boutique");
        Api.given(port).body(Map.of("businessName", "Boutique " + currency + " " + UUID.randomUUID().toString()
                .substring(0, 6), "email", email, "password", Api.PASSWORD, "currency", currency))
                .post("/api/v1/auth/signup").then().statusCode(201);
        return SupplierInvitationsIT.signIn(port, email);
    }

    @Test
    void aShopkeeperFindsSuppliersAndProductsAcrossRegisteredCatalogs() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account riz = newSupplier(port, "Rizerie " + tag, "XOF");
        Account huile = newSupplier(port, "Huilerie " + tag, "XOF");
        profile(port, riz, "Rizerie " + tag, "Thiès", List.of("Épicerie", "Céréales"), "50000");
        profile(port, huile, "Huilerie " + tag, "Dakar", List.of("Épicerie"), "0");
        addProduct(port, riz, "Riz brisé " + tag + " 25 kg", "Céréales", "14500", 2);
        addProduct(port, riz, "Riz parfumé " + tag + " 5 kg", "Céréales", "4200", 1);
        addProduct(port, huile, "Huile d'arachide " + tag + " 5 L", "Huiles", "6500", 1);
        String hidden = addProduct(port, huile, "Huile de palme " + tag, "Huiles", "3000", 1);
        Api.as(port, huile).body(Map.of("name", "Huile de palme " + tag, "category", "Huiles", "price", "3000",
                "available", false)).put("/api/v1/supplier/products/" + hidden).then().statusCode(200);

        Account shop = Api.newBusiness(port, "Boutique du marché");
        Api.as(port, shop).queryParam("q", tag).get("/api/v1/marketplace/suppliers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.company", containsInAnyOrder("Rizerie " + tag, "Huilerie " + tag));
        Api.as(port, shop).queryParam("q", tag).queryParam("city", "thiès").get("/api/v1/marketplace/suppliers")
                .then().body("items.company", contains("Rizerie " + tag));
        Api.as(port, shop).queryParam("q", tag).queryParam("category", "céréales").get("/api/v1/marketplace/suppliers")
                .then().body("items.company", contains("Rizerie " + tag));

        // Products across both catalogs; the one taken off sale is not shown.
        Api.as(port, shop).queryParam("q", tag).get("/api/v1/marketplace/products").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.supplierCompany", hasItem("Huilerie " + tag))
                .body("items.supplierCompany", hasItem("Rizerie " + tag));
        Api.as(port, shop).queryParam("q", "riz " + tag).get("/api/v1/marketplace/products")
                .then().body("items", hasSize(0));
        Api.as(port, shop).queryParam("q", "riz brisé " + tag).get("/api/v1/marketplace/products")
                .then().body("items", hasSize(1)).body("items[0].price", equalTo(14500.0f))
                .body("items[0].unit", equalTo("carton")).body("items[0].minQuantity", equalTo(2))
                .body("items[0].currency", equalTo("XOF"));
        Api.as(port, shop).queryParam("q", tag).queryParam("category", "Huiles").get("/api/v1/marketplace/products")
                .then().body("items.name", contains("Huile d'arachide " + tag + " 5 L"));

        // The supplier's page: profile, catalog and (no) reviews.
        Api.as(port, shop).get("/api/v1/marketplace/suppliers/" + riz.tenantId()).then().statusCode(200)
                .body("supplier.city", equalTo("Thiès")).body("supplier.minimumOrder", equalTo(50000.0f))
                .body("supplier.verified", equalTo(false)).body("catalog.total", equalTo(2))
                .body("reviews", hasSize(0));

        // The pages: the marketplace search (suppliers, products) and the supplier's page.
        WebSession web = new WebSession(port);
        web.signIn(shop.email(), shop.password());
        assertThat(web.get("/app/purchasing/marketplace?q=" + tag).body()).contains("Rizerie " + tag)
                .contains("Huilerie " + tag);
        assertThat(web.get("/app/purchasing/marketplace?tab=products&q=" + tag + "&category=Huiles").body())
                .contains("Huile d&#39;arachide " + tag).doesNotContain("Riz brisé " + tag);
        assertThat(web.get("/app/purchasing/marketplace/suppliers/" + riz.tenantId()).body())
                .contains("Riz brisé " + tag).contains("data-create-order");

        // Below the supplier's minimum order amount (50 000 XOF): refused with a clear message.
        String riceId = Api.as(port, shop).queryParam("q", "riz brisé " + tag).get("/api/v1/marketplace/products")
                .then().extract().path("items[0].id");
        Account xofShop = newShopIn(port, "XOF");
        Api.as(port, xofShop).body(Map.of("lines", List.of(Map.of("productId", riceId, "quantity", 2))))
                .post("/api/v1/marketplace/suppliers/" + riz.tenantId() + "/orders")
                .then().spec(Api.problem(409, "below-minimum-order"));
        Api.as(port, xofShop).body(Map.of("lines", List.of(Map.of("productId", riceId, "quantity", 1))))
                .post("/api/v1/marketplace/suppliers/" + riz.tenantId() + "/orders")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].quantity"));
        Api.as(port, xofShop).body(Map.of("lines", List.of(Map.of("productId", riceId, "quantity", 4))))
                .post("/api/v1/marketplace/suppliers/" + riz.tenantId() + "/orders")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("connected", equalTo(true))
                .body("supplierName", equalTo("Rizerie " + tag)).body("total", equalTo(58000));
    }

    @Test
    void aSupplierManagesItsCatalogAndProfileButNobodyWritesAnotherBusinesssCatalog() {
        Account supplier = newSupplier(port, "Quincaillerie en gros", "EUR");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.as(port, supplier)
                .get("/api/v1/supplier/profile").then().statusCode(200).body("company", equalTo("Quincaillerie en gros"))
                .body("verified", equalTo(false)));
        String id = addProduct(port, supplier, "Vis 4x40 (boîte de 200)", "Visserie", "7.90", 5);
        Api.as(port, supplier).get("/api/v1/supplier/products").then().body("total", equalTo(1));
        // verified is the platform's: a supplier cannot set it (the field is refused).
        Api.as(port, supplier).body(Map.of("company", "Quincaillerie en gros", "verified", true))
                .put("/api/v1/supplier/profile").then().statusCode(400);
        Api.as(port, supplier).body(Map.of("company", "Quincaillerie en gros", "city", "Nantes"))
                .put("/api/v1/supplier/profile").then().statusCode(200).body("verified", equalTo(false))
                .body("city", equalTo("Nantes"));
        // Every broken field at once.
        Api.as(port, supplier).body(Map.of("name", "", "price", "-1", "minQuantity", 0))
                .post("/api/v1/supplier/products").then().spec(Api.problem(400, "validation"))
                .body("errors.field", containsInAnyOrder("name", "price", "minQuantity"));

        Account other = newSupplier(port, "Concurrent en gros", "EUR");
        Api.as(port, other).body(Map.of("name", "Volé", "price", "0.01"))
                .put("/api/v1/supplier/products/" + id).then().statusCode(404);
        Api.as(port, other).delete("/api/v1/supplier/products/" + id).then().statusCode(404);
        Account merchant = Api.newBusiness(port, "Commerçant curieux");
        Api.as(port, merchant).body(Map.of("name", "Volé", "price", "0.01"))
                .put("/api/v1/supplier/products/" + id).then().spec(Api.problem(409, "not-a-supplier"));
        Api.as(port, merchant).body(Map.of("name", "Le mien", "price", "1"))
                .post("/api/v1/supplier/products").then().spec(Api.problem(409, "not-a-supplier"));
        Api.as(port, supplier).get("/api/v1/supplier/products/" + id).then().statusCode(200)
                .body("name", equalTo("Vis 4x40 (boîte de 200)")).body("price", equalTo(7.9f));

        // A viewer of the supplier reads but does not write.
        Account viewer = Api.newUser(port, supplier, "VIEWER");
        Api.as(port, viewer).get("/api/v1/supplier/products").then().statusCode(200);
        Api.as(port, viewer).delete("/api/v1/supplier/products/" + id).then().statusCode(403);

        // Removed: gone from the catalog and the marketplace.
        Api.as(port, supplier).delete("/api/v1/supplier/products/" + id).then().statusCode(204);
        Api.as(port, supplier).get("/api/v1/supplier/products").then().body("total", equalTo(0));

        // The supplier's home is its space; its navigation shows only the supplier space.
        WebSession web = new WebSession(port);
        web.signIn(supplier.email(), supplier.password());
        assertThat(web.get("/app").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/supplier"));
        String home = web.get("/app/supplier").body();
        assertThat(home).contains("data-supplier-dashboard").contains("href=\"/app/supplier/catalog\"")
                .doesNotContain("href=\"/app/sales/orders\"").doesNotContain("href=\"/app/inventory/stock\"");
        assertThat(web.get("/app/supplier/catalog").body()).contains("data-empty-state");
        WebSession.Page added = web.post("/app/supplier/catalog", Map.of("name", "Clous 50 mm", "category", "Visserie",
                "price", "3.20", "unit", "boîte", "minQuantity", "10", "availableStock", "", "available", "true"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(web.get("/app/supplier/catalog?q=clous").body()).contains("Clous 50 mm");
        WebSession.Page wrong = web.post("/app/supplier/catalog", Map.of("name", "", "price", "-2", "unit", "boîte",
                "minQuantity", "1"));
        assertThat(wrong.body()).contains("is-invalid");
        assertThat(web.get("/app/supplier/profile").body()).contains("data-not-verified");
    }

    @Test
    void aWholesalerSignsUpAsASupplierOnTheSignupPageAndLandsInItsSupplierSpace() {
        WebSession web = new WebSession(port);
        assertThat(web.get("/signup?kind=supplier").body()).contains("Vous êtes fournisseur ?")
                .contains("checked=\"checked\"");
        String email = Api.uniqueEmail("grossiste-web");
        WebSession.Page signedUp = web.post("/signup", Map.of("businessName", "Grossiste du web", "name", "",
                "email", email, "password", Api.PASSWORD, "currency", "EUR", "locale", "fr", "supplier", "true"));
        assertThat(signedUp.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(web.get("/app").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/supplier"));
        assertThat(web.get("/app/supplier").body()).contains("Grossiste du web").contains("data-supplier-dashboard");
        Account supplier = SupplierInvitationsIT.signIn(port, email);
        Api.as(port, supplier).get("/api/v1/auth/me").then().statusCode(200);
        Api.as(port, supplier).get("/api/v1/supplier/dashboard").then().statusCode(200).body("catalogSize", equalTo(0));
        // A shopkeeper signing up without the option is a merchant: no supplier space.
        Account shop = Api.newBusiness(port, "Commerçant");
        Api.as(port, shop).get("/api/v1/supplier/dashboard").then().spec(Api.problem(409, "not-a-supplier"));
    }
}
