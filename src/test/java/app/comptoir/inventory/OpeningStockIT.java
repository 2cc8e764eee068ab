package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** A product created with its opening stock in one step: the entries are in the journal as the API answers. */
@IntegrationTest
class OpeningStockIT {

    @LocalServerPort
    int port;

    @Test
    void aProductCreatedWithItsOpeningStockHasItAtTheDefaultLocationAsAnEntry() {
        InventoryApi shop = InventoryApi.newShop(port);
        Map<String, Object> body = Map.of("name", "Terreau universel", "vatRate", 20,
                "options", List.of(Map.of("name", "Contenance", "values", List.of("20 L", "40 L"))),
                "variants", List.of(
                        Map.of("sku", "TER-20", "price", new BigDecimal("9.90"), "options", Map.of("Contenance", "20 L"),
                                "openingStock", 12),
                        Map.of("sku", "TER-40", "price", new BigDecimal("16.90"), "options", Map.of("Contenance", "40 L"),
                                "openingStock", 0)));
        JsonPath created = shop.call().body(body).post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        String small = created.getString("variants.find { it.sku == 'TER-20' }.id");
        String large = created.getString("variants.find { it.sku == 'TER-40' }.id");

        JsonPath stock = shop.stock(small);
        assertThat(stock.getInt("onHand")).isEqualTo(12);
        assertThat(stock.getString("levels[0].locationName")).isEqualTo("Boutique");
        shop.call().get("/api/v1/stocks/movements?variantId=" + small).then().body("total", equalTo(1))
                .body("items[0].type", equalTo("RECEIPT")).body("items[0].quantity", equalTo(12))
                .body("items[0].reason", equalTo("Stock initial"));
        // Zero is no movement at all.
        assertThat(shop.stock(large).getInt("onHand")).isZero();
        shop.call().get("/api/v1/stocks/movements?variantId=" + large).then().body("total", equalTo(0));
    }

    @Test
    void aWrongOpeningStockIsAFieldErrorAndNothingIsCreated() {
        InventoryApi shop = InventoryApi.newShop(port);
        Map<String, Object> body = Map.of("name", "Engrais", "vatRate", 20, "variants", List.of(
                Map.of("sku", "ENG-1", "price", new BigDecimal("9.90"), "openingStock", -3)));
        shop.call().body(body).post("/api/v1/products").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("variants[0].openingStock"));
        shop.call().get("/api/v1/products").then().body("total", equalTo(0));
    }

    @Test
    void aManagerCreatesAProductWithItsOpeningStock() {
        InventoryApi shop = InventoryApi.newShop(port);
        var manager = Api.newUser(port, shop.admin, "MANAGER");
        Map<String, Object> body = Map.of("name", "Arrosoir", "vatRate", 20, "variants", List.of(
                Map.of("sku", "ARR-1", "price", new BigDecimal("19.90"), "openingStock", 4)));
        String id = Api.as(port, manager).body(body).post("/api/v1/products").then().statusCode(201).extract()
                .path("variants[0].id");
        assertThat(shop.stock(id).getInt("onHand")).isEqualTo(4);
    }

    @Test
    void theProductFormTakesAnOpeningStockPerVariantAndSaysWhenItIsWrong() {
        InventoryApi shop = InventoryApi.newShop(port);
        WebSession browser = new WebSession(port);
        browser.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(browser.get("/app/catalog/products/new").body()).contains("Stock initial", "data-opening-stock");

        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("name", "Bêche");
        form.put("description", "");
        form.put("brand", "");
        form.put("categoryId", "");
        form.put("tags", "");
        form.put("status", "ACTIVE");
        form.put("vatRate", "20");
        form.put("unit", "piece");
        form.put("customUnit", "");
        form.put("variants[0].sku", "BECHE-1");
        form.put("variants[0].price", "16,90");
        form.put("variants[0].active", "true");
        form.put("variants[0].openingStock", "douze");
        WebSession.Page wrong = browser.post("/app/catalog/products/new", form);
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Indiquez un nombre entier d’unités", "value=\"douze\"", "value=\"16,90\"");
        shop.call().get("/api/v1/products").then().body("total", equalTo(0));

        form.put("variants[0].openingStock", "8");
        WebSession.Page saved = browser.post("/app/catalog/products/new", form);
        assertThat(saved.status()).isEqualTo(302);
        String product = saved.location().orElseThrow().replaceAll(".*/products/", "");
        String variant = shop.call().get("/api/v1/products/" + product).then().statusCode(200).extract()
                .path("variants[0].id");
        assertThat(shop.stock(variant).getInt("onHand")).isEqualTo(8);
    }
}
