package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.matrix;
import static app.comptoir.catalog.CatalogApi.option;
import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/** Issue #12, items 12 and 15 on the catalog: categories restored, product prices on PUT, positions, CSV apostrophes. */
@IntegrationTest
class CatalogHardeningIT {

    @LocalServerPort
    int port;

    @Test
    void aDeletedCategoryDisappearsEverywhereAndItsRestoreGivesItsPlaceBackWithBothActsAudited() {
        CatalogApi shop = CatalogApi.newShop(port);
        String garden = shop.createCategory("Jardin", null);
        String tools = shop.createCategory("Outillage", garden);
        String watering = shop.createCategory("Arrosage", garden);
        String pots = shop.createCategory("Pots", garden);

        shop.call().delete("/api/v1/categories/" + watering).then().statusCode(204);

        shop.call().get("/api/v1/categories/" + watering).then().statusCode(404);
        shop.call().get("/api/v1/categories?parentId=" + garden).then().body("items.id", contains(tools, pots))
                .body("items.position", contains(0, 1));
        shop.call().get("/api/v1/categories?q=arro").then().body("total", equalTo(0));
        assertThat(shop.call().get("/api/v1/categories/all").then().extract().jsonPath()
                .getList("[0].children.name")).containsExactly("Outillage", "Pots");
        Map<String, Object> hose = simple("Tuyau", "TUY-1", "20");
        hose.put("categoryId", watering);
        shop.call().body(hose).post("/api/v1/products").then().statusCode(400);
        shop.call().get("/api/v1/categories/deleted").then().statusCode(200)
                .body("id", contains(watering)).body("parentId", contains(garden)).body("parentPath", contains("Jardin"));

        shop.call().post("/api/v1/categories/" + watering + "/restore").then().statusCode(200)
                .body("parentId", equalTo(garden)).body("position", equalTo(1)).body("path", equalTo("Jardin > Arrosage"));
        shop.call().get("/api/v1/categories?parentId=" + garden).then().body("items.id", contains(tools, watering, pots))
                .body("items.position", contains(0, 1, 2));
        shop.call().get("/api/v1/categories/deleted").then().body("id", org.hamcrest.Matchers.empty());
        shop.call().post("/api/v1/categories/" + watering + "/restore").then().statusCode(404);

        shop.call().get("/api/v1/audit?entityType=category&entityId=" + watering).then().statusCode(200)
                .body("items.action", contains("RESTORE", "DELETE", "CREATE"));
    }

    @Test
    void theCategoriesScreenListsTheDeletedOnesWithARestoreButton() {
        app.comptoir.support.Account admin = app.comptoir.support.Api.newBusiness(port, "Jardinerie");
        CatalogApi shop = CatalogApi.as(port, admin.accessToken());
        String garden = shop.createCategory("Jardin", null);
        app.comptoir.support.WebSession browser = new app.comptoir.support.WebSession(port);
        browser.signIn(admin.email(), admin.password());
        assertThat(browser.get("/app/catalog/categories").body()).doesNotContain("data-restore-category");
        assertThat(browser.post("/app/catalog/categories/" + garden + "/delete", Map.of()).status()).isEqualTo(302);
        String page = browser.get("/app/catalog/categories").body();
        assertThat(page).contains("data-restore-category", "Revient au premier niveau");
        assertThat(browser.post("/app/catalog/categories/" + garden + "/restore", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/app/catalog/categories").body()).doesNotContain("data-restore-category")
                .contains("category-" + garden);
    }

    @Test
    void aCategoryWhoseParentWasDeletedTooIsRestoredAtTheEndOfTheTopLevel() {
        CatalogApi shop = CatalogApi.newShop(port);
        String house = shop.createCategory("Maison", null);
        String garden = shop.createCategory("Jardin", null);
        String watering = shop.createCategory("Arrosage", garden);
        shop.call().delete("/api/v1/categories/" + watering).then().statusCode(204);
        shop.call().delete("/api/v1/categories/" + garden).then().statusCode(204);
        shop.call().get("/api/v1/categories/deleted").then().body("parentId", contains(nullValue(), nullValue()));

        shop.call().post("/api/v1/categories/" + watering + "/restore").then().statusCode(200)
                .body("parentId", nullValue()).body("position", equalTo(1)).body("path", equalTo("Arrosage"));
        shop.call().get("/api/v1/categories?topLevel=true").then().body("items.id", contains(house, watering));
    }

    @Test
    void theNameOfADeletedCategoryIsFreeAndItsRestoreIsRefusedWhileTaken() {
        CatalogApi shop = CatalogApi.newShop(port);
        String old = shop.createCategory("Soldes", null);
        shop.call().delete("/api/v1/categories/" + old).then().statusCode(204);
        String again = shop.createCategory("Soldes", null);
        shop.call().post("/api/v1/categories/" + old + "/restore").then().statusCode(409);
        shop.call().delete("/api/v1/categories/" + again).then().statusCode(204);
        shop.call().post("/api/v1/categories/" + old + "/restore").then().statusCode(200);
    }

    @Test
    void aNegativeCategoryPositionIsAFieldError() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Jardin", "position", -1));
        shop.call().body(body).post("/api/v1/categories").then().statusCode(400)
                .body("errors[0].field", equalTo("position"));
        String garden = shop.createCategory("Jardin", null);
        shop.call().body(body).put("/api/v1/categories/" + garden).then().statusCode(400)
                .body("errors[0].field", equalTo("position"));
        shop.call().get("/api/v1/categories/" + garden).then().body("position", equalTo(0));
    }

    @Test
    void aPriceSentOnPutChangesTheProductsPriceWithTheRulesOfCreation() {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Bêche", "BECHE", "30")).path("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bêche");
        body.put("vatRate", 20);
        body.put("price", "34.90");
        shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(200)
                .body("variants.price", contains(34.9f)).body("variants.sku", contains("BECHE"));

        body.put("price", "-1");
        shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        body.put("price", "1.234");
        shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        // With the variants sent, their own prices say it: a product-level price too is ambiguous.
        Map<String, Object> withVariants = simple("Bêche", "BECHE", "36");
        withVariants.put("price", "40");
        shop.call().body(withVariants).put("/api/v1/products/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        shop.call().get("/api/v1/products/" + id).then().body("variants.price", contains(34.9f));
    }

    @Test
    void aPriceSentOnPutNeverFlattensVariantsOfDifferentPrices() {
        CatalogApi shop = CatalogApi.newShop(port);
        JsonPath pot = shop.create(matrix("Pot", "POT", "10", List.of(option("Taille", "S", "L")))).jsonPath();
        String id = pot.getString("id");
        Map<String, Object> variants = new LinkedHashMap<>(simple("Pot", "x", "1"));
        List<Map<String, Object>> priced = List.of(
                variantOf(pot, 0, "10"), variantOf(pot, 1, "15"));
        variants.put("variants", priced);
        variants.put("options", List.of(option("Taille", "S", "L")));
        shop.call().body(variants).put("/api/v1/products/" + id).then().statusCode(200);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Pot");
        body.put("vatRate", 20);
        body.put("options", List.of(option("Taille", "S", "L")));
        body.put("price", "12");
        shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
        shop.call().get("/api/v1/products/" + id).then().body("variants.price", contains(10f, 15f));
    }

    private static Map<String, Object> variantOf(JsonPath product, int index, String price) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", product.getString("variants[" + index + "].id"));
        v.put("sku", product.getString("variants[" + index + "].sku"));
        v.put("options", product.getMap("variants[" + index + "].options"));
        v.put("price", price);
        return v;
    }

    @Test
    void anApostropheThatIsDataSurvivesAnExportAndAnImport() {
        CatalogApi shop = CatalogApi.newShop(port);
        List<String> names = List.of("'=1 acheté, 1 offert", "'-12.5", "'Toscane'", "-20 % sur tout", "@home");
        for (int i = 0; i < names.size(); i++) {
            shop.create(simple(names.get(i), "SKU-" + i, "10"));
        }
        String csv = new String(shop.call().accept("text/csv").get("/api/v1/products/export.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);

        CatalogApi elsewhere = CatalogApi.newShop(port);
        importCsv(elsewhere, csv).then().statusCode(200).body("productsCreated", equalTo(names.size()));
        assertThat(elsewhere.call().get("/api/v1/products?size=50").then().extract().jsonPath().getList("items.name"))
                .containsExactlyInAnyOrderElementsOf(names);

        // A file written by hand: the apostrophe before a number is data (the export never puts one there).
        String typed = "sku,name,price,vat_rate\nTYPED-1,'-12.5,5,20\n";
        CatalogApi third = CatalogApi.newShop(port);
        importCsv(third, typed).then().statusCode(200);
        third.call().get("/api/v1/products").then().body("items.name", contains("'-12.5"));
    }

    private Response importCsv(CatalogApi shop, String csv) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.token)
                .accept("application/json, application/problem+json")
                .multiPart("file", "products.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/products/import");
    }
}
