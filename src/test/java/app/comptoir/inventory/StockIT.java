package app.comptoir.inventory;

import static app.comptoir.inventory.InventoryApi.movement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class StockIT {

    @LocalServerPort
    int port;

    @Test
    void goodsInAndOutChangeTheLevelAndAreKeptInTheLedger() {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage 25 m", "TUY-25");

        shop.call().body(Map.of("code", "tuy-25", "quantity", 10, "reason", "Livraison fournisseur"))
                .post("/api/v1/stocks/entry").then().statusCode(201).body("type", equalTo("RECEIPT"))
                .body("balanceAfter", equalTo(10));
        shop.call().body(Map.of("code", "TUY-25", "quantity", 3, "reason", "Casse"))
                .post("/api/v1/stocks/exit").then().statusCode(201).body("change", equalTo(-3))
                .body("balanceAfter", equalTo(7));

        JsonPath stock = shop.stock(hose);
        assertThat(stock.getInt("onHand")).isEqualTo(7);
        assertThat(stock.getInt("available")).isEqualTo(7);
        assertThat(stock.getString("sku")).isEqualTo("TUY-25");
        assertThat(stock.getString("levels[0].locationName")).isEqualTo("Boutique");
        JsonPath history = shop.call().get("/api/v1/stocks/" + hose + "/movements").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("items.type")).containsExactly("ISSUE", "RECEIPT");
        assertThat(history.getList("items.quantity", Integer.class)).containsExactly(3, 10);
        assertThat(history.getList("items.reason")).containsExactly("Casse", "Livraison fournisseur");
        assertThat(history.getList("items.actorId")).containsOnly(shop.admin.userId().toString());
    }

    @Test
    void anExitBeyondWhatIsAvailableIsRefusedAndChangesNothing() {
        InventoryApi shop = InventoryApi.newShop(port);
        String pot = shop.product("Pot en terre cuite", "POT-30");
        shop.receive(pot, 2);

        shop.call().body(movement(pot, "ISSUE", 3)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(409, "insufficient-stock"))
                .body("detail", containsString("POT-30"))
                .body("lines[0].variantId", equalTo(pot))
                .body("lines[0].requested", equalTo(3))
                .body("lines[0].available", equalTo(2));

        assertThat(shop.stock(pot).getInt("onHand")).isEqualTo(2);
        shop.call().get("/api/v1/stocks/movements?variantId=" + pot).then().body("total", equalTo(1));
    }

    @Test
    void aMovementSentTwiceWithTheSameIdIsRecordedOnce() {
        InventoryApi shop = InventoryApi.newShop(port);
        String seeds = shop.product("Graines de tomates", "GRA-TOM");
        Map<String, Object> body = movement(seeds, "RECEIPT", 5);
        String id = InventoryApi.newId();
        body.put("id", id);

        shop.call().body(body).post("/api/v1/stocks/movements").then().statusCode(201).body("id", equalTo(id))
                .header("Idempotent-Replayed", nullValue());
        // A replay answers the first result, marked as such.
        shop.call().body(body).post("/api/v1/stocks/movements").then().statusCode(200).body("id", equalTo(id))
                .header("Idempotent-Replayed", "true").body("balanceAfter", equalTo(5));
        shop.call().header("Idempotency-Key", "offline-42").body(Map.of("code", "GRA-TOM", "quantity", 1))
                .post("/api/v1/stocks/exit").then().statusCode(201);
        shop.call().header("Idempotency-Key", "offline-42").body(Map.of("code", "GRA-TOM", "quantity", 1))
                .post("/api/v1/stocks/exit").then().statusCode(200).header("Idempotent-Replayed", "true");

        assertThat(shop.stock(seeds).getInt("onHand")).isEqualTo(4);
        shop.call().get("/api/v1/stocks/" + seeds + "/movements").then().body("items", hasSize(2));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefusedAndRecordsNothing() {
        InventoryApi shop = InventoryApi.newShop(port);
        String bulbs = shop.product("Bulbes", "BUL-K");
        shop.call().header("Idempotency-Key", "entry-1").body(Map.of("variantId", bulbs, "quantity", 2))
                .post("/api/v1/stocks/entry").then().statusCode(201).body("change", equalTo(2));
        shop.call().header("Idempotency-Key", "entry-1").body(Map.of("variantId", bulbs, "quantity", 9))
                .post("/api/v1/stocks/entry").then().spec(Api.problem(422, "idempotency-key-reused"));
        // The same key on another endpoint is another request too.
        shop.call().header("Idempotency-Key", "entry-1").body(Map.of("variantId", bulbs, "quantity", 2))
                .post("/api/v1/stocks/exit").then().spec(Api.problem(422, "idempotency-key-reused"));

        assertThat(shop.stock(bulbs).getInt("onHand")).isEqualTo(2);
        shop.call().get("/api/v1/stocks/movements?variantId=" + bulbs).then().body("total", equalTo(1));
    }

    @Test
    void twoBusinessesMayUseTheSameMovementId() {
        InventoryApi shop = InventoryApi.newShop(port);
        InventoryApi other = InventoryApi.newShop(port);
        String mine = shop.product("Arrosoir", "ARR-1");
        String theirs = other.product("Arrosoir", "ARR-1");
        String id = InventoryApi.newId();
        Map<String, Object> body = movement(mine, "RECEIPT", 3);
        body.put("id", id);
        shop.call().body(body).post("/api/v1/stocks/movements").then().statusCode(201).body("id", equalTo(id));
        Map<String, Object> theirBody = movement(theirs, "RECEIPT", 7);
        theirBody.put("id", id);
        other.call().body(theirBody).post("/api/v1/stocks/movements").then().statusCode(201)
                .body("id", equalTo(id)).body("change", equalTo(7)).header("Idempotent-Replayed", nullValue());

        assertThat(shop.stock(mine).getInt("onHand")).isEqualTo(3);
        assertThat(other.stock(theirs).getInt("onHand")).isEqualTo(7);
        other.call().get("/api/v1/stocks/movements").then().body("total", equalTo(1))
                .body("items[0].variantId", equalTo(theirs));
    }

    @Test
    void reusingAMovementIdForAnotherMovementIsRefused() {
        InventoryApi shop = InventoryApi.newShop(port);
        String a = shop.product("Râteau", "RAT-1");
        Map<String, Object> body = movement(a, "RECEIPT", 5);
        body.put("id", InventoryApi.newId());
        shop.call().body(body).post("/api/v1/stocks/movements").then().statusCode(201);
        body.put("type", "RETURN");
        shop.call().body(body).post("/api/v1/stocks/movements").then().spec(Api.problem(422, "idempotency-key-reused"));
    }

    @Test
    void aLocationThatAllowsNegativeStockAcceptsAnExitBelowZero() {
        InventoryApi shop = InventoryApi.newShop(port);
        String bag = shop.product("Terreau 40 L", "TER-40");
        String market = shop.call().body(Map.of("name", "Marché", "allowNegative", true))
                .post("/api/v1/stocks/locations").then().statusCode(201).extract().path("id");
        Map<String, Object> exit = movement(bag, "ISSUE", 4);
        exit.put("locationId", market);

        shop.call().body(exit).post("/api/v1/stocks/movements").then().statusCode(201).body("balanceAfter", equalTo(-4));
        shop.call().body(movement(bag, "ISSUE", 1)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(409, "insufficient-stock"));
        assertThat(shop.stock(bag).getInt("onHand")).isEqualTo(-4);
    }

    @Test
    void aTransferMovesStockFromOneLocationToAnother() {
        InventoryApi shop = InventoryApi.newShop(port);
        String shears = shop.product("Sécateur", "SEC-1");
        String warehouse = shop.call().body(Map.of("name", "Entrepôt")).post("/api/v1/stocks/locations")
                .then().statusCode(201).extract().path("id");
        shop.receive(shears, 10);
        Map<String, Object> transfer = movement(shears, "TRANSFER", 6);
        transfer.put("toLocationId", warehouse);

        shop.call().body(transfer).post("/api/v1/stocks/movements").then().statusCode(201)
                .body("toLocationId", equalTo(warehouse));

        JsonPath stock = shop.stock(shears);
        assertThat(stock.getInt("onHand")).isEqualTo(10);
        assertThat(stock.getList("levels.locationName")).containsExactly("Boutique", "Entrepôt");
        assertThat(stock.getList("levels.onHand", Integer.class)).containsExactly(4, 6);
        shop.call().get("/api/v1/stocks?locationId=" + warehouse).then().body("total", equalTo(1))
                .body("items[0].onHand", equalTo(6));
        shop.call().body(Map.of("name", "entrepôt")).post("/api/v1/stocks/locations")
                .then().spec(Api.problem(409, "duplicate-location"));
    }

    @Test
    void aPhysicalCountRecordsTheAdjustmentThatMakesTheLevelMatch() {
        InventoryApi shop = InventoryApi.newShop(port);
        String gloves = shop.product("Gants de jardin", "GAN-M");
        shop.receive(gloves, 12);
        String id = InventoryApi.newId();

        shop.call().body(Map.of("id", id, "code", "GAN-M", "countedQuantity", 9)).post("/api/v1/stocks/count")
                .then().statusCode(200).body("level.onHand", equalTo(9)).body("adjustment.change", equalTo(-3))
                .body("adjustment.type", equalTo("ADJUSTMENT")).body("adjustment.reason", equalTo("Inventaire physique"));
        shop.call().body(Map.of("id", id, "code", "GAN-M", "countedQuantity", 9)).post("/api/v1/stocks/count")
                .then().statusCode(200).body("adjustment.id", equalTo(id));
        shop.call().body(Map.of("code", "GAN-M", "countedQuantity", 9)).post("/api/v1/stocks/count")
                .then().statusCode(200).body("adjustment", equalTo(null));

        shop.call().get("/api/v1/stocks/movements?type=ADJUSTMENT&variantId=" + gloves).then().body("total", equalTo(1));
    }

    @Test
    void thresholdsGiveEachLevelItsStatusAndTheListFiltersByIt() {
        InventoryApi shop = InventoryApi.newShop(port);
        String low = shop.product("Arrosoir", "ARR-10");
        String out = shop.product("Bêche", "BEC-1");
        String plenty = shop.product("Ficelle", "FIC-1");
        shop.receive(low, 3);
        shop.receive(out, 1);
        shop.move(out, "ISSUE", 1);
        shop.receive(plenty, 500);
        shop.call().body(Map.of("alertLevel", 5, "reorderPoint", 6, "reorderQuantity", 20)).put("/api/v1/stocks/" + low)
                .then().statusCode(200).body("status", equalTo("LOW")).body("alertLevel", equalTo(5));
        shop.call().body(Map.of("alertLevel", 10, "overstockLevel", 100)).put("/api/v1/stocks/" + plenty)
                .then().statusCode(200).body("status", equalTo("OVERSTOCK"));
        shop.call().body(Map.of("alertLevel", 10, "overstockLevel", 5)).put("/api/v1/stocks/" + plenty)
                .then().spec(Api.problem(400, "validation"));

        assertThat(skus(shop, "LOW")).containsExactly("ARR-10");
        assertThat(skus(shop, "OUT")).containsExactly("BEC-1");
        assertThat(skus(shop, "OVERSTOCK")).containsExactly("FIC-1");
        shop.call().get("/api/v1/stocks?q=arrosoir").then().body("items.sku", equalTo(List.of("ARR-10")));
    }

    @Test
    void everyoneInTheBusinessReadsStockButOnlyManagersMoveIt() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Brouette", "BRO-1");
        shop.receive(item, 2);
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        Account manager = Api.newUser(port, shop.admin, "MANAGER");

        Api.as(port, viewer).get("/api/v1/stocks/" + item).then().statusCode(200).body("onHand", equalTo(2));
        Api.as(port, viewer).body(movement(item, "ISSUE", 1)).post("/api/v1/stocks/movements").then().statusCode(403);
        Api.as(port, manager).body(movement(item, "ISSUE", 1)).post("/api/v1/stocks/movements").then().statusCode(201);
    }

    @Test
    void anotherBusinessCannotSeeOrMoveTheStock() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Tondeuse", "TON-1");
        shop.receive(item, 2);
        InventoryApi other = InventoryApi.newShop(port);

        other.call().get("/api/v1/stocks/" + item).then().spec(Api.problem(404, "not-found"));
        other.call().body(movement(item, "ISSUE", 1)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("variantId"));
        other.call().get("/api/v1/stocks").then().body("total", equalTo(0));
        other.call().get("/api/v1/stocks/movements").then().body("total", equalTo(0));
    }

    @Test
    void invalidMovementsAreRefusedWithTheFieldAtFault() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Binette", "BIN-1");
        shop.call().body(movement(item, "RECEIPT", 0)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("quantity"));
        shop.call().body(movement(item, "ISSUE", -2)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(400, "validation"));
        shop.call().body(movement(item, "TRANSFER", 2)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("toLocationId"));
        shop.call().body(Map.of("code", "NOPE", "quantity", 1)).post("/api/v1/stocks/entry")
                .then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void levelsAndMovementsExportAsCsv() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Sac de billes d'argile, 10 L", "BIL-10");
        shop.receive(item, 8);

        String levels = shop.call().get("/api/v1/stocks/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(levels).startsWith("sku,name,location,on_hand").contains("BIL-10,\"Sac de billes d'argile, 10 L\",Boutique,8,0,8");
        String movements = shop.call().get("/api/v1/stocks/movements/export.csv").then().statusCode(200)
                .extract().asString();
        assertThat(movements.lines()).hasSize(2);
        assertThat(movements).contains(",RECEIPT,BIL-10,");
    }

    private static List<String> skus(InventoryApi shop, String status) {
        return shop.call().get("/api/v1/stocks?status=" + status).then().statusCode(200).extract().jsonPath()
                .getList("items.sku");
    }
}
