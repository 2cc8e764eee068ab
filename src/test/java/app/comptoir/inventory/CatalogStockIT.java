package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** The catalog's product list shows what inventory has available, and filters on it. */
@IntegrationTest
class CatalogStockIT {

    @LocalServerPort
    int port;

    @Test
    void theProductListShowsAvailableStockAndFiltersOnIt() {
        InventoryApi shop = InventoryApi.newShop(port);
        JsonPath hoses = shop.call().body(Map.of("name", "Tuyau d'arrosage", "vatRate", 20, "tags", List.of("jardin"),
                        "options", List.of(Map.of("name", "Longueur", "values", List.of("15 m", "25 m"))),
                        "variants", List.of(variant("TUY-15", "Longueur", "15 m"), variant("TUY-25", "Longueur", "25 m"))))
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        String hose15 = hoses.getString("variants.find { it.sku == 'TUY-15' }.id");
        String hose25 = hoses.getString("variants.find { it.sku == 'TUY-25' }.id");
        String pot = shop.call().body(Map.of("name", "Pot en terre cuite", "vatRate", 20, "tags", List.of("jardin"),
                        "variants", List.of(Map.of("sku", "POT-30", "price", new BigDecimal("9.90")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");

        // Nothing stocked yet: nothing is in stock.
        JsonPath list = list(shop, "");
        assertThat(list.getList("items.available", Integer.class)).containsExactly(0, 0);
        assertThat(list(shop, "&inStock=true").getInt("total")).isZero();
        assertThat(list(shop, "&inStock=false").getInt("total")).isEqualTo(2);

        shop.receive(hose15, 5);
        shop.receive(hose25, 3);
        shop.receive(pot, 2);
        list = list(shop, "");
        assertThat(list.getList("items.name")).containsExactly("Pot en terre cuite", "Tuyau d'arrosage");
        assertThat(list.getList("items.available", Integer.class)).containsExactly(2, 8);
        assertThat(list.getList("items[1].variants.available", Integer.class)).containsExactly(5, 3);
        JsonPath inStock = list(shop, "&inStock=true");
        assertThat(inStock.getInt("total")).isEqualTo(2);
        assertThat(tagCount(inStock)).isEqualTo(2);
        assertThat(list(shop, "&inStock=false").getInt("total")).isZero();

        // The pots run out (an exit) and the 15 m hoses are all reserved: the hose stays in stock by its 25 m.
        shop.move(pot, "ISSUE", 2);
        shop.call().body(Map.of("lines", List.of(Map.of("variantId", hose15, "quantity", 5))))
                .post("/api/v1/stocks/reservations").then().statusCode(201);
        list = list(shop, "");
        assertThat(list.getList("items.available", Integer.class)).containsExactly(0, 3);
        assertThat(list.getList("items[1].variants.available", Integer.class)).containsExactly(0, 3);
        inStock = list(shop, "&inStock=true");
        assertThat(inStock.getList("items.name")).containsExactly("Tuyau d'arrosage");
        assertThat(tagCount(inStock)).isEqualTo(1);
        JsonPath outOfStock = list(shop, "&inStock=false");
        assertThat(outOfStock.getList("items.name")).containsExactly("Pot en terre cuite");
        assertThat(tagCount(outOfStock)).isEqualTo(1);
        assertThat(list(shop, "&inStock=false&q=tuyau").getInt("total")).isZero();
        assertThat(list(shop, "&inStock=true&q=tuyau&size=1&page=0").getInt("total")).isEqualTo(1);

        // Back in stock with a count: the filter follows.
        shop.call().body(Map.of("variantId", pot, "countedQuantity", 4)).post("/api/v1/stocks/count")
                .then().statusCode(200);
        assertThat(list(shop, "&inStock=true").getInt("total")).isEqualTo(2);
        assertThat(shop.call().get("/api/v1/products/" + hoses.getString("id")).then().statusCode(200)
                .extract().jsonPath().getInt("available")).isEqualTo(3);
    }

    @Test
    void theCatalogScreensShowAvailableStock() {
        InventoryApi shop = InventoryApi.newShop(port);
        JsonPath product = shop.call().body(Map.of("name", "Pot en terre cuite", "vatRate", 20,
                        "options", List.of(Map.of("name", "Taille", "values", List.of("40", "50"))),
                        "variants", List.of(variant("POT-40", "Taille", "40"), variant("POT-50", "Taille", "50"))))
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath();
        shop.receive(product.getString("variants[0].id"), 7);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        assertThat(web.get("/app/catalog/products").body()).containsPattern("data-available[^>]*>7<");
        String page = web.get("/app/catalog/products/" + product.getString("id")).body();
        assertThat(page).contains("data-variant-stock=\"POT-40\"", "Rupture").containsPattern("data-available[^>]*>7<");

        shop.move(product.getString("variants[0].id"), "ISSUE", 7);
        assertThat(web.get("/app/catalog/products").body()).doesNotContainPattern("data-available[^>]*>7<")
                .contains("Rupture");
    }

    private static Map<String, Object> variant(String sku, String option, String value) {
        return Map.of("sku", sku, "price", new BigDecimal("19.90"), "options", Map.of(option, value));
    }

    private JsonPath list(InventoryApi shop, String filters) {
        return shop.call().get("/api/v1/products?sort=name" + filters).then().statusCode(200).extract().jsonPath();
    }

    private static int tagCount(JsonPath page) {
        Number count = page.get("facets.tags.find { it.value == 'jardin' }.count");
        return count == null ? 0 : count.intValue();
    }
}
