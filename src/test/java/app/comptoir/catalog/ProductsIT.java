package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.matrix;
import static app.comptoir.catalog.CatalogApi.option;
import static app.comptoir.catalog.CatalogApi.simple;
import static app.comptoir.catalog.CatalogApi.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class ProductsIT {

    @LocalServerPort
    int port;

    @Test
    void creatingAProductWithTwoOptionsGeneratesTheTwoByTwoVariantMatrix() {
        CatalogApi shop = CatalogApi.newShop(port);
        String category = shop.createCategory("Pots", null);
        Map<String, Object> body = matrix("Pot Toscane en terre cuite", "POT-TOSC", "12.50",
                List.of(option("Taille", "30 cm", "40 cm"), option("Couleur", "Naturel", "Anthracite")));
        body.put("categoryId", category);
        body.put("brand", "Terres d'Anduze");
        body.put("tags", List.of("Extérieur", "terre cuite", "extérieur"));
        body.put("unit", "piece");
        body.put("description", "Un pot robuste, résistant au gel.");

        JsonPath product = shop.create(body).jsonPath();

        assertThat(product.getString("id")).isNotBlank();
        assertThat(product.getString("slug")).isEqualTo("pot-toscane-en-terre-cuite");
        assertThat(product.getString("categoryId")).isEqualTo(category);
        assertThat(product.getList("tags")).containsExactly("extérieur", "terre cuite");
        assertThat(product.getString("status")).isEqualTo("ACTIVE");
        assertThat(product.getDouble("vatRate")).isEqualTo(20.0);
        assertThat(product.getList("options.name")).containsExactly("Taille", "Couleur");
        assertThat(product.getList("variants.sku")).containsExactly("POT-TOSC-30CM-NATUREL", "POT-TOSC-30CM-ANTHRACITE",
                "POT-TOSC-40CM-NATUREL", "POT-TOSC-40CM-ANTHRACITE");
        assertThat(product.getMap("variants[1].options")).containsExactly(
                Map.entry("Taille", "30 cm"), Map.entry("Couleur", "Anthracite"));
        assertThat(product.getList("variants.price", Float.class)).containsOnly(12.5f);
        assertThat(product.getList("variants.active", Boolean.class)).containsOnly(true);

        shop.call().get("/api/v1/products/" + product.getString("id")).then().statusCode(200)
                .body("variants", hasSize(4))
                .body("variants[0].barcode", nullValue())
                .body("images", hasSize(0));
    }

    @Test
    void aProductWithoutOptionsHasExactlyOneVariant() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = simple("Sécateur", "SEC-1", "19.90");
        body.put("variants", List.of(variant("SEC-1", "19.90"), variant("SEC-2", "21.90")));
        shop.call().body(body).post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("variants"))
                .body("errors.message", hasItem("a product without options has exactly one variant"));
    }

    @Test
    void skusAreUniquePerTenantWhateverTheirCase() {
        CatalogApi shop = CatalogApi.newShop(port);
        shop.create(simple("Râteau", "RAT-01", "15"));
        shop.call().body(simple("Autre râteau", "rat-01", "16")).post("/api/v1/products").then().statusCode(409)
                .body("type", endsWith("/sku-taken"))
                .body("detail", containsString("RAT-01"));
        // Another tenant may use the same SKU.
        CatalogApi other = CatalogApi.newShop(port);
        other.create(simple("Râteau", "RAT-01", "15"));
    }

    @Test
    void aBarcodeWithAWrongCheckDigitIsRefused() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = simple("Gants", "GANT-1", "9.90");
        Map<String, Object> v = variant("GANT-1", "9.90");
        v.put("barcode", "3760123456781");
        body.put("variants", List.of(v));
        shop.call().body(body).post("/api/v1/products").then().statusCode(400)
                .body("type", endsWith("/validation"))
                .body("errors[0].field", equalTo("variants[0].barcode"))
                .body("errors[0].message", containsString("check digit"));
        v.put("barcode", "3760123456784");
        shop.create(body);
        shop.call().get("/api/v1/variants/by-barcode/3760123456784").then().statusCode(200)
                .body("sku", equalTo("GANT-1"));
        // UPC-A (12 digits) is accepted as well.
        Map<String, Object> upc = simple("Graines", "GR-1", "2.5");
        Map<String, Object> uv = variant("GR-1", "2.5");
        uv.put("barcode", "036000291452");
        upc.put("variants", List.of(uv));
        shop.create(upc);
    }

    @Test
    void invalidFieldsAreAllReported() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = simple("", "bad sku", "-1");
        body.put("vatRate", 120);
        body.put("unit", "!!!");
        shop.call().body(body).post("/api/v1/products").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "vatRate", "unit", "variants[0].sku", "variants[0].price"));
    }

    @Test
    void anXofShopMayUseAnEighteenPercentVatRate() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = simple("Riz brisé parfumé 25 kg", "RIZ-25", "12500");
        body.put("vatRate", 18);
        body.put("unit", "bag");
        shop.create(body).then().body("vatRate", equalTo(18.0f)).body("unit", equalTo("bag"));
        body.put("vatRate", 5.555);
        shop.call().body(body).post("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("vatRate"));
    }

    @Test
    void updatingMatchesVariantsBySkuAndRemovesTheOnesLeftOut() {
        CatalogApi shop = CatalogApi.newShop(port);
        JsonPath created = shop.create(matrix("Tuyau d'arrosage", "TUY", "20",
                List.of(option("Longueur", "15 m", "25 m", "50 m")))).jsonPath();
        String id = created.getString("id");
        String firstVariant = created.getString("variants[0].id");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "Tuyau d'arrosage renforcé");
        body.put("vatRate", 20);
        body.put("options", List.of(option("Longueur", "15 m", "25 m")));
        Map<String, Object> v15 = variant("tuy-15m", "24.90");
        v15.put("options", Map.of("Longueur", "15 m"));
        Map<String, Object> v25 = variant("TUY-25M-B", "34.90");
        v25.put("options", Map.of("longueur", "25 M"));
        body.put("variants", List.of(v15, v25));
        body.put("version", created.getLong("version"));

        JsonPath updated = shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(200).extract().jsonPath();

        assertThat(updated.getString("name")).isEqualTo("Tuyau d'arrosage renforcé");
        assertThat(updated.getString("slug")).isEqualTo("tuyau-d-arrosage-renforce");
        assertThat(updated.getList("variants.sku")).containsExactly("tuy-15m", "TUY-25M-B");
        assertThat(updated.getString("variants[0].id")).isEqualTo(firstVariant);
        assertThat(updated.getMap("variants[1].options")).containsEntry("Longueur", "25 m");
        assertThat(updated.getLong("version")).isGreaterThan(created.getLong("version"));
        // The SKUs of removed variants are free again.
        shop.create(simple("Tuyau 50 m", "TUY-50M", "60"));
        // A stale version is refused.
        shop.call().body(body).put("/api/v1/products/" + id).then().statusCode(409)
                .body("type", endsWith("/concurrent-modification"));
        // A GET result can be sent back as is.
        Map<String, Object> roundTrip = shop.call().get("/api/v1/products/" + id).then().extract().jsonPath().getMap("");
        shop.call().body(roundTrip).put("/api/v1/products/" + id).then().statusCode(200);
    }

    @Test
    void generatingVariantsKeepsMatchingOnesAndAddsTheMissingCombinations() {
        CatalogApi shop = CatalogApi.newShop(port);
        JsonPath created = shop.create(simple("Jardinière", "JARD", "18")).jsonPath();
        String id = created.getString("id");
        JsonPath generated = shop.call().body(Map.of("options", List.of(option("Longueur", "60 cm", "80 cm"),
                        option("Couleur", "Blanc", "Vert"))))
                .post("/api/v1/products/" + id + "/variants/generate").then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath();
        assertThat(generated.getList("variants.sku")).containsExactly("JARD-60CM-BLANC", "JARD-60CM-VERT",
                "JARD-80CM-BLANC", "JARD-80CM-VERT");
        String kept = generated.getString("variants[3].id");
        JsonPath again = shop.call().body(Map.of("options", List.of(option("Longueur", "80 cm", "100 cm"),
                        option("Couleur", "Blanc", "Vert"))))
                .post("/api/v1/products/" + id + "/variants/generate").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("variants.sku")).containsExactly("JARD-80CM-BLANC", "JARD-80CM-VERT",
                "JARD-100CM-BLANC", "JARD-100CM-VERT");
        assertThat(again.getString("variants[1].id")).isEqualTo(kept);
    }

    @Test
    void statusChangesAndActivatingNeedsAnActiveVariant() {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Bêche", "BECHE", "29")).path("id");
        shop.call().body(Map.of("status", "ARCHIVED")).patch("/api/v1/products/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        shop.call().body(Map.of("status", "draft")).patch("/api/v1/products/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        shop.call().body(Map.of("status", "SOLD")).patch("/api/v1/products/" + id + "/status").then().statusCode(400);
        shop.call().get("/api/v1/products?status=DRAFT").then().body("items.id", contains(id));
        shop.call().get("/api/v1/products?status=ACTIVE").then().body("total", equalTo(0));
    }

    @Test
    void duplicatingCopiesAProductAsADraftWithSuffixedSkus() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> body = matrix("Bottes de jardin", "BOT", "35", List.of(option("Pointure", "38", "40")));
        JsonPath original = shop.create(body).jsonPath();
        JsonPath copy = shop.call().post("/api/v1/products/" + original.getString("id") + "/duplicate")
                .then().statusCode(201).extract().jsonPath();
        assertThat(copy.getString("id")).isNotEqualTo(original.getString("id"));
        assertThat(copy.getString("name")).isEqualTo("Bottes de jardin (copy)");
        assertThat(copy.getString("slug")).isEqualTo("bottes-de-jardin-copy");
        assertThat(copy.getString("status")).isEqualTo("DRAFT");
        assertThat(copy.getList("variants.sku")).containsExactly("BOT-38-COPY", "BOT-40-COPY");
        JsonPath second = shop.call().body(Map.of("name", "Bottes (copie)"))
                .post("/api/v1/products/" + original.getString("id") + "/duplicate")
                .then().statusCode(201).extract().jsonPath();
        assertThat(second.getList("variants.sku")).containsExactly("BOT-38-COPY2", "BOT-40-COPY2");
    }

    @Test
    void deletingIsSoftAndHidesTheProductEverywhere() {
        CatalogApi shop = CatalogApi.newShop(port);
        String id = shop.create(simple("Binette", "BIN-1", "12")).path("id");
        shop.call().delete("/api/v1/products/" + id).then().statusCode(204);
        shop.call().get("/api/v1/products/" + id).then().statusCode(404).body("type", endsWith("/not-found"));
        shop.call().get("/api/v1/products").then().body("total", equalTo(0));
        shop.call().get("/api/v1/variants/by-sku/BIN-1").then().statusCode(404);
        shop.call().delete("/api/v1/products/" + id).then().statusCode(404);
        // Its history stays in the audit log.
        shop.call().get("/api/v1/audit?entityType=product&entityId=" + id).then().statusCode(200)
                .body("items.action", contains("DELETE", "CREATE"));
        // The SKU can be used again.
        shop.create(simple("Binette neuve", "BIN-1", "13"));
    }

    @Test
    void variantsAreFoundBySkuPrefixExactSkuAndBarcode() {
        CatalogApi shop = CatalogApi.newShop(port);
        shop.create(matrix("Pelle", "PEL/A", "25", List.of(option("Manche", "Bois", "Fibre"))));
        shop.call().get("/api/v1/variants?sku=pel").then().statusCode(200).body("total", equalTo(2))
                .body("items.sku", contains("PEL/A-BOIS", "PEL/A-FIBRE"))
                .body("items[0].productName", equalTo("Pelle"));
        shop.call().get("/api/v1/variants/by-sku/pel/a-fibre").then().statusCode(200)
                .body("sku", equalTo("PEL/A-FIBRE")).body("options.Manche", equalTo("Fibre"))
                .body("vatRate", equalTo(20.0f));
        shop.call().get("/api/v1/variants/by-sku/NOPE").then().statusCode(404);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String admin = Api.token(port, "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        String viewer = Api.token(port, "viewer@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        String id = CatalogApi.as(port, admin).create(simple("Produit du test viewer", "VIEW-TEST-1", "5")).path("id");
        CatalogApi asViewer = CatalogApi.as(port, viewer);
        asViewer.call().get("/api/v1/products/" + id).then().statusCode(200);
        asViewer.call().body(simple("Interdit", "VIEW-NO", "1")).post("/api/v1/products").then().statusCode(403)
                .body("type", endsWith("/forbidden"));
        asViewer.call().body(Map.of("status", "ARCHIVED")).patch("/api/v1/products/" + id + "/status").then().statusCode(403);
        asViewer.call().delete("/api/v1/products/" + id).then().statusCode(403);
        asViewer.call().post("/api/v1/products/" + id + "/duplicate").then().statusCode(403);
        asViewer.call().body(Map.of("name", "X")).post("/api/v1/categories").then().statusCode(403);
        CatalogApi.as(port, admin).call().delete("/api/v1/products/" + id).then().statusCode(204);
    }

    @Test
    void anotherTenantsProductIsNotFound() {
        CatalogApi mine = CatalogApi.newShop(port);
        CatalogApi theirs = CatalogApi.newShop(port);
        String id = theirs.create(simple("Secret", "SECRET-1", "1")).path("id");
        mine.call().get("/api/v1/products/" + id).then().statusCode(404);
        mine.call().body(simple("Volé", "SECRET-2", "1")).put("/api/v1/products/" + id).then().statusCode(404);
        mine.call().delete("/api/v1/products/" + id).then().statusCode(404);
        mine.call().post("/api/v1/products/" + id + "/duplicate").then().statusCode(404);
        mine.call().get("/api/v1/variants/by-sku/SECRET-1").then().statusCode(404);
        mine.call().get("/api/v1/products?q=secret").then().body("total", equalTo(0));
        theirs.call().get("/api/v1/products/" + id).then().statusCode(200).body("name", equalTo("Secret"));
    }

    @Test
    void theListHasThePageShapeWithFacets() {
        CatalogApi shop = CatalogApi.newShop(port);
        shop.create(simple("A", "A-1", "1"));
        shop.call().get("/api/v1/products?size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("facets", notNullValue())
                .body("items[0].variants[0].sku", equalTo("A-1"));
        shop.call().get("/api/v1/products?facets=false").then().body("facets", nullValue());
        shop.call().get("/api/v1/products?size=500").then().statusCode(400);
        shop.call().get("/api/v1/products?sort=cheapest").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        shop.call().get("/api/v1/products?page=3").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(1));
        shop.call().get("/api/v1/products?priceMin=abc").then().statusCode(400);
        shop.call().get("/api/v1/tags").then().statusCode(200);
        // Nothing received yet (see CatalogStockIT for the figures once inventory moves stock).
        shop.call().get("/api/v1/products?inStock=true").then().body("total", equalTo(0)).body("items", not(hasItem(notNullValue())));
        shop.call().get("/api/v1/products?inStock=false").then().body("total", equalTo(1)).body("items[0].available", equalTo(0));
    }

    @Test
    void aTagPrefixMatchesItsCharactersLiterally() {
        CatalogApi shop = CatalogApi.newShop(port);
        Map<String, Object> tarp = simple("Bâche", "BACHE-1", "9");
        tarp.put("tags", List.of("c:\\jardin", "c%d", "c_d", "cd"));
        shop.create(tarp);
        // A backslash was not escaped: "c:\" looked for "c:%" and found nothing.
        assertThat(tagsStartingWith(shop, "c:\\")).containsExactly("c:\\jardin");
        assertThat(tagsStartingWith(shop, "c%")).containsExactly("c%d");
        assertThat(tagsStartingWith(shop, "c_")).containsExactly("c_d");
    }

    private static List<String> tagsStartingWith(CatalogApi shop, String prefix) {
        return shop.call().queryParam("q", prefix).get("/api/v1/tags").then().statusCode(200).extract().jsonPath()
                .getList("value");
    }
}
