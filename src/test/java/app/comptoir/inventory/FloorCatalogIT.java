package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The feed a shop-floor device keeps its copy of the catalog and stock with: everything in keyset pages the first
 * time, then only what changed, archived items included so that the copy drops them; a business sees only its own.
 */
@IntegrationTest
class FloorCatalogIT {

    @LocalServerPort
    int port;

    @Test
    void theFirstPassGivesEverythingInPagesThenOnlyWhatChanged() {
        InventoryApi shop = InventoryApi.newShop(port);
        String rake = shop.product("Râteau à feuilles", "RAT-01");
        String hose = shop.product("Tuyau 25 m", "TUY-25");
        JsonPath glovesProduct = shop.call().body(Map.of("name", "Gants de jardin", "vatRate", 20,
                "variants", List.of(Map.of("sku", "GAN-01", "price", 12)))).post("/api/v1/products").then()
                .statusCode(201).extract().jsonPath();
        String gloves = glovesProduct.getString("variants[0].id");
        shop.receive(rake, 4);
        shop.receive(hose, 2);

        List<String> variants = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        JsonPath page;
        do {
            page = feed(shop, cursor, 1);
            variants.addAll(page.getList("variants.id"));
            levels.addAll(page.getList("levels.variantId"));
            assertThat(page.getBoolean("full")).isTrue();
            cursor = page.getString("cursor");
            pages++;
        } while (!page.getBoolean("complete"));
        assertThat(variants).containsExactlyInAnyOrder(rake, hose, gloves);
        assertThat(levels).containsExactlyInAnyOrder(rake, hose);
        assertThat(pages).as("at most one variant and one level a page").isGreaterThanOrEqualTo(3);
        assertThat(page.getList("locations.name")).contains("Boutique");

        JsonPath nothing = feed(shop, cursor, 100);
        assertThat(nothing.getBoolean("full")).isFalse();
        assertThat(nothing.getBoolean("complete")).isTrue();

        // an exit and an archived product since: only those come back (a pass overlaps the previous one's start a
        // little, so the earlier rows may come again; the device replaces its copy)
        shop.call().body(Map.of("code", "TUY-25", "quantity", 1, "reason", "Casse")).post("/api/v1/stocks/exit")
                .then().statusCode(201);
        shop.call().body(Map.of("status", "ARCHIVED")).patch("/api/v1/products/" + glovesProduct.getString("id")
                        + "/status").then()
                .statusCode(200);
        JsonPath changed = feed(shop, nothing.getString("cursor"), 100);
        assertThat(changed.getBoolean("complete")).isTrue();
        Map<String, Object> archived = changed.<Map<String, Object>>getList("variants").stream()
                .filter(v -> gloves.equals(v.get("id"))).findFirst().orElseThrow();
        assertThat(archived.get("archived")).isEqualTo(true);
        assertThat(changed.<Map<String, Object>>getList("levels").stream()
                .filter(l -> hose.equals(l.get("variantId"))).map(l -> l.get("available")).toList()).containsExactly(1);

        // another business sees none of it
        InventoryApi other = InventoryApi.newShop(port);
        assertThat(feed(other, null, 100).getList("variants")).isEmpty();
    }

    @Test
    void aCursorNotGivenByTheServerOrABadSizeIsRefusedOnItsField() {
        InventoryApi shop = InventoryApi.newShop(port);
        shop.call().queryParam("cursor", "not-a-cursor").get("/api/v1/stocks/floor-catalog").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("cursor"));
        shop.call().queryParam("size", 0).get("/api/v1/stocks/floor-catalog").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("size"));
    }

    private static JsonPath feed(InventoryApi shop, String cursor, int size) {
        var call = shop.call().queryParam("size", size);
        if (cursor != null) {
            call = call.queryParam("cursor", cursor);
        }
        return call.get("/api/v1/stocks/floor-catalog").then().statusCode(200).extract().jsonPath();
    }
}
