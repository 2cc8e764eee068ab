package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** The stock pages over HTTP: each renders, in both languages, and the forms change the stock. */
@IntegrationTest
class InventoryPagesIT {

    @LocalServerPort
    int port;

    @Test
    void everyStockPageRendersForTheTeam() {
        InventoryApi shop = InventoryApi.newShop(port);
        String rake = shop.product("Râteau à feuilles", "RAT-WEB");
        shop.receive(rake, 3);
        shop.call().body(Map.of("alertLevel", 5, "reorderPoint", 5, "reorderQuantity", 12)).put("/api/v1/stocks/" + rake)
                .then().statusCode(200);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());

        assertThat(web.get("/app/inventory/stock").body()).contains("Râteau à feuilles", "RAT-WEB", "Stock bas");
        assertThat(web.get("/app/inventory/stock/variants/" + rake).body()).contains("Historique des mouvements", "Entrée");
        assertThat(web.get("/app/inventory/stock/movements").body()).contains("Journal des mouvements", "RAT-WEB");
        assertThat(web.get("/app/inventory/stock/count").body()).contains("Quantité comptée");
        assertThat(web.get("/app/inventory/stock/alerts").body()).contains("Stock bas", "RAT-WEB", "Commander");
        assertThat(web.get("/app/inventory/stock/alert-rules").body()).contains("Produit dormant", "Jours sans sortie");
        assertThat(web.get("/app/inventory/stock/reorder").body()).contains("RAT-WEB", "data-suggested");
        assertThat(web.get("/app/inventory/stock?lang=en").body()).contains("Inventory", "Low");
    }

    @Test
    void aCountAndThresholdsAreRecordedFromTheirForms() {
        InventoryApi shop = InventoryApi.newShop(port);
        String pot = shop.product("Pot", "POT-WEB");
        shop.receive(pot, 10);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());

        web.get("/app/inventory/stock/count");
        WebSession.Page counted = web.post("/app/inventory/stock/count", Map.of("code", "POT-WEB", "countedQuantity", "7"));
        assertThat(counted.status()).isEqualTo(302);
        web.get("/app/inventory/stock/variants/" + pot);
        web.post("/app/inventory/stock/variants/" + pot + "/thresholds", Map.of("alertLevel", "8"));

        assertThat(shop.stock(pot).getInt("onHand")).isEqualTo(7);
        assertThat(shop.stock(pot).getString("status")).isEqualTo("LOW");
    }

    @Test
    void aViewerSeesTheStockButNotTheForms() {
        InventoryApi shop = InventoryApi.newShop(port);
        shop.receive(shop.product("Bêche", "BEC-WEB"), 2);
        var viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());

        String body = web.get("/app/inventory/stock").body();
        assertThat(body).contains("BEC-WEB").doesNotContain("data-quick-form");
        assertThat(web.post("/app/inventory/stock/quick", Map.of("code", "BEC-WEB", "quantity", "1", "direction", "out"))
                .status()).isEqualTo(403);
    }
}
