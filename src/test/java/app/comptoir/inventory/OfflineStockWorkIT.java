package app.comptoir.inventory;

import static app.comptoir.inventory.InventoryApi.movement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Stock work recorded on a device without network and sent when it returns (the shop floor, issue #21): each
 * movement keeps the time it happened in the journal, is applied once however often it is sent, and a count made
 * offline is brought forward by what moved after it; a time in the future or too old is refused on its field.
 */
@IntegrationTest
class OfflineStockWorkIT {

    @LocalServerPort
    int port;

    @Test
    void aMovementSentLaterKeepsTheTimeItHappenedAndIsAppliedOnce() {
        InventoryApi shop = InventoryApi.newShop(port);
        String seeds = shop.product("Graines de radis", "RAD-01");
        shop.receive(seeds, 20);
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = InventoryApi.newId();
        Map<String, Object> exit = new HashMap<>(Map.of("id", id, "code", "RAD-01", "quantity", 3,
                "reason", "Casse", "occurredAt", twoHoursAgo.toString()));

        shop.call().body(exit).post("/api/v1/stocks/exit").then().statusCode(201)
                .body("occurredAt", equalTo(twoHoursAgo.toString())).body("balanceAfter", equalTo(17));
        // the answer was lost: the device sends it again, nothing moves twice
        shop.call().body(exit).post("/api/v1/stocks/exit").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(shop.stock(seeds).getInt("onHand")).isEqualTo(17);

        JsonPath journal = shop.call().get("/api/v1/stocks/" + seeds + "/movements").then().statusCode(200)
                .extract().jsonPath();
        assertThat(journal.getList("items.type"))
                .as("the exit sits at the time it happened, before the receipt recorded after it")
                .containsExactly("RECEIPT", "ISSUE");
        assertThat(journal.getString("items[1].occurredAt")).isEqualTo(twoHoursAgo.toString());
        assertThat(journal.getString("items[1].actorId")).isEqualTo(shop.admin.userId().toString());
    }

    @Test
    void aTimeInTheFutureOrOlderThanAMonthIsRefusedOnItsField() {
        InventoryApi shop = InventoryApi.newShop(port);
        String rake = shop.product("Râteau", "RAT-01");
        Map<String, Object> future = new HashMap<>(movement(rake, "RECEIPT", 2));
        future.put("occurredAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        shop.call().body(future).post("/api/v1/stocks/movements").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("occurredAt"));
        shop.call().body(Map.of("code", "RAT-01", "countedQuantity", 4,
                        "occurredAt", Instant.now().minus(40, ChronoUnit.DAYS).toString()))
                .post("/api/v1/stocks/count").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("occurredAt"));
        shop.call().body(Map.of("code", "RAT-01", "quantity", 1, "occurredAt", "hier"))
                .post("/api/v1/stocks/entry").then().statusCode(400);
        assertThat(shop.stock(rake).getInt("onHand")).isZero();
    }

    @Test
    void aCountMadeOfflineIsBroughtForwardByWhatMovedAfterItAndNeverAppliedTwice() {
        InventoryApi shop = InventoryApi.newShop(port);
        String pots = shop.product("Pot 20 cm", "POT-20");
        // delivered an hour ago, counted half an hour ago
        shop.call().body(Map.of("code", "POT-20", "quantity", 10,
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())).post("/api/v1/stocks/entry")
                .then().statusCode(201);
        Instant countedAt = Instant.now().minus(30, ChronoUnit.MINUTES);
        // after the count, online, two pots were sold off the shelf
        shop.call().body(Map.of("code", "POT-20", "quantity", 2, "reason", "Vente comptoir"))
                .post("/api/v1/stocks/exit").then().statusCode(201);

        // the count (8 on the shelf half an hour ago) arrives now: 8 − 2 sold since = 6
        String countId = InventoryApi.newId();
        Map<String, Object> count = Map.of("id", countId, "code", "POT-20", "countedQuantity", 8,
                "occurredAt", countedAt.toString());
        shop.call().body(count).post("/api/v1/stocks/count").then().statusCode(200)
                .body("level.onHand", equalTo(6)).body("adjustment.change", equalTo(-2));
        shop.call().body(Map.of("code", "POT-20", "quantity", 5)).post("/api/v1/stocks/entry").then()
                .statusCode(201);
        // the same count sent again after a later receipt: found, the receipt is not undone
        shop.call().body(count).post("/api/v1/stocks/count").then().statusCode(200)
                .body("adjustment.id", equalTo(countId));
        assertThat(shop.stock(pots).getInt("onHand")).isEqualTo(11);
    }

    @Test
    void aCountSentWithItsIdThatFindsTheExpectedQuantityIsKeptAndNotReappliedLater() {
        InventoryApi shop = InventoryApi.newShop(port);
        String trowel = shop.product("Transplantoir", "TRA-01");
        shop.receive(trowel, 4);
        String countId = InventoryApi.newId();
        Map<String, Object> count = Map.of("id", countId, "code", "TRA-01", "countedQuantity", 4);
        shop.call().body(count).post("/api/v1/stocks/count").then().statusCode(200)
                .body("adjustment.change", equalTo(0)).body("level.onHand", equalTo(4));
        shop.call().body(Map.of("code", "TRA-01", "quantity", 1)).post("/api/v1/stocks/exit").then().statusCode(201);
        shop.call().body(count).post("/api/v1/stocks/count").then().statusCode(200)
                .body("adjustment.id", equalTo(countId));
        assertThat(shop.stock(trowel).getInt("onHand")).as("the count replayed does not bring the sold unit back")
                .isEqualTo(3);
        List<Integer> changes = shop.call().get("/api/v1/stocks/movements?type=ADJUSTMENT&variantId=" + trowel)
                .then().extract().jsonPath().getList("items.change", Integer.class);
        assertThat(changes).containsExactly(0);
    }
}
