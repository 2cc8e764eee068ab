package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SqlStatementCounter;

@IntegrationTest
class ReservationsIT {

    @LocalServerPort
    int port;

    @Autowired
    Reservations reservations;

    @Autowired
    StockQueries stockQueries;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    SqlStatementCounter sql;

    @Test
    void twoHundredConcurrentReservationsOfTheLastFiftyUnitsSucceedExactlyFiftyTimes() throws Exception {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage", "TUY-HOT");
        shop.receive(hose, 50);
        int attempts = 240;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return shop.call().body(Map.of("reference", "CMD-" + UUID.randomUUID(),
                                    "lines", List.of(Map.of("variantId", hose, "quantity", 1))))
                            .post("/api/v1/stocks/reservations").statusCode();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(50);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 50);
        JsonPath stock = shop.stock(hose);
        assertThat(stock.getInt("onHand")).isEqualTo(50);
        assertThat(stock.getInt("reserved")).isEqualTo(50);
        assertThat(stock.getInt("available")).isZero();
        assertThat(stock.getString("status")).isEqualTo("OUT");
        ledgerMatchesLevels(shop, hose);
    }

    @Test
    void committingAReservationRecordsTheSaleAndKeepsTheLedgerAndLevelsInStep() {
        InventoryApi shop = InventoryApi.newShop(port);
        String pot = shop.product("Pot", "POT-C");
        String saucer = shop.product("Soucoupe", "SOU-C");
        shop.receive(pot, 5);
        shop.receive(saucer, 5);
        String id = shop.call().body(Map.of("reference", "CMD-2026-000042", "lines", List.of(
                        Map.of("variantId", pot, "quantity", 2), Map.of("variantId", saucer, "quantity", 2))))
                .post("/api/v1/stocks/reservations").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        assertThat(shop.stock(pot).getInt("available")).isEqualTo(3);

        shop.call().post("/api/v1/stocks/reservations/" + id + "/commit").then().statusCode(200)
                .body("status", equalTo("COMMITTED"));
        shop.call().post("/api/v1/stocks/reservations/" + id + "/commit").then().statusCode(200)
                .body("status", equalTo("COMMITTED"));

        JsonPath stock = shop.stock(pot);
        assertThat(stock.getInt("onHand")).isEqualTo(3);
        assertThat(stock.getInt("reserved")).isZero();
        shop.call().get("/api/v1/stocks/movements?type=SALE").then().body("items", hasSize(2))
                .body("items[0].reference", equalTo("CMD-2026-000042"));
        shop.call().post("/api/v1/stocks/reservations/" + id + "/release").then()
                .spec(Api.problem(409, "reservation-closed"));
        ledgerMatchesLevels(shop, pot);
        ledgerMatchesLevels(shop, saucer);
    }

    @Test
    void aReservationIsAllOrNothingAndNamesTheShortLines() {
        InventoryApi shop = InventoryApi.newShop(port);
        String rake = shop.product("Râteau", "RAT-R");
        String spade = shop.product("Pelle", "PEL-R");
        shop.receive(rake, 5);
        shop.receive(spade, 1);

        shop.call().body(Map.of("lines", List.of(Map.of("variantId", rake, "quantity", 2),
                        Map.of("variantId", spade, "quantity", 3))))
                .post("/api/v1/stocks/reservations").then().spec(Api.problem(409, "insufficient-stock"))
                .body("lines", hasSize(1)).body("lines[0].sku", equalTo("PEL-R"))
                .body("lines[0].requested", equalTo(3)).body("lines[0].available", equalTo(1));

        assertThat(shop.stock(rake).getInt("reserved")).isZero();
        assertThat(shop.stock(spade).getInt("reserved")).isZero();
    }

    @Test
    void releasingAReservationGivesTheStockBack() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Cisaille", "CIS-R");
        shop.receive(item, 4);
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", id, "lines", List.of(Map.of("variantId", item, "quantity", 3)));
        shop.call().body(body).post("/api/v1/stocks/reservations").then().statusCode(201);
        shop.call().body(body).post("/api/v1/stocks/reservations").then().statusCode(200).body("id", equalTo(id))
                .header("Idempotent-Replayed", "true");
        assertThat(shop.stock(item).getInt("available")).isEqualTo(1);
        shop.call().body(InventoryApi.movement(item, "ISSUE", 2)).post("/api/v1/stocks/movements")
                .then().spec(Api.problem(409, "insufficient-stock"));

        shop.call().post("/api/v1/stocks/reservations/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED"));

        assertThat(shop.stock(item).getInt("available")).isEqualTo(4);
        assertThat(shop.stock(item).getInt("reserved")).isZero();
    }

    @Test
    void theSalesModuleReservesThroughTheJavaApi() {
        InventoryApi shop = InventoryApi.newShop(port);
        UUID item = UUID.fromString(shop.product("Bulbes de tulipes", "TUL-R"));
        shop.receive(item.toString(), 10);

        Reservation reservation = tenantContext.callAs(shop.admin.tenantId(),
                () -> reservations.reserve(null, "PANIER-1", List.of(new ReservationLine(item, 4))));
        tenantContext.runAs(shop.admin.tenantId(), () -> reservations.commit(reservation.id()));

        assertThat(tenantContext.callAs(shop.admin.tenantId(), () -> stockQueries.available(List.of(item))))
                .containsEntry(item, 6);
    }

    @Test
    void aReservationIdReusedWithAnotherBodyIsRefusedAndReservesNothing() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Sécateur", "SEC-R");
        shop.receive(item, 10);
        String id = UUID.randomUUID().toString();
        shop.call().body(Map.of("id", id, "lines", List.of(Map.of("variantId", item, "quantity", 2))))
                .post("/api/v1/stocks/reservations").then().statusCode(201);
        shop.call().body(Map.of("id", id, "lines", List.of(Map.of("variantId", item, "quantity", 9))))
                .post("/api/v1/stocks/reservations").then().spec(Api.problem(422, "idempotency-key-reused"));

        assertThat(shop.stock(item).getInt("reserved")).isEqualTo(2);
    }

    @Test
    void twoBusinessesMayUseTheSameReservationId() {
        InventoryApi shop = InventoryApi.newShop(port);
        InventoryApi other = InventoryApi.newShop(port);
        String mine = shop.product("Bêche", "BEC-R");
        String theirs = other.product("Bêche", "BEC-R");
        shop.receive(mine, 5);
        other.receive(theirs, 5);
        String id = UUID.randomUUID().toString();
        shop.call().body(Map.of("id", id, "lines", List.of(Map.of("variantId", mine, "quantity", 1))))
                .post("/api/v1/stocks/reservations").then().statusCode(201).body("id", equalTo(id));
        other.call().body(Map.of("id", id, "lines", List.of(Map.of("variantId", theirs, "quantity", 3))))
                .post("/api/v1/stocks/reservations").then().statusCode(201).body("id", equalTo(id));
        other.call().post("/api/v1/stocks/reservations/" + id + "/commit").then().statusCode(200);

        assertThat(shop.stock(mine).getInt("reserved")).isEqualTo(1);
        assertThat(other.stock(theirs).getInt("onHand")).isEqualTo(2);
        shop.call().get("/api/v1/stocks/reservations/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void anotherBusinesssVariantInAReservationIsAFieldErrorAndLeavesNoLedgerRow() {
        InventoryApi shop = InventoryApi.newShop(port);
        InventoryApi other = InventoryApi.newShop(port);
        String mine = shop.product("Cordeau", "COR-R");
        String theirs = other.product("Cordeau", "COR-R");
        shop.receive(mine, 5);
        other.receive(theirs, 5);
        String anywhere = shop.call().body(Map.of("name", "Dépôt", "allowNegative", true))
                .post("/api/v1/stocks/locations").then().statusCode(201).extract().path("id");

        for (String variant : List.of(theirs, UUID.randomUUID().toString())) {
            // At the default location (no negative stock) and at one that creates levels on the fly.
            shop.call().body(Map.of("lines", List.of(Map.of("variantId", mine, "quantity", 1),
                            Map.of("variantId", variant, "quantity", 1))))
                    .post("/api/v1/stocks/reservations").then().spec(Api.problem(400, "validation"))
                    .body("errors[0].field", equalTo("lines[1].variantId"));
            String id = UUID.randomUUID().toString();
            shop.call().body(Map.of("id", id, "lines", List.of(Map.of("variantId", mine, "quantity", 1),
                            Map.of("variantId", variant, "quantity", 1, "locationId", anywhere))))
                    .post("/api/v1/stocks/reservations").then().spec(Api.problem(400, "validation"))
                    .body("errors[0].field", equalTo("lines[1].variantId"));
            shop.call().post("/api/v1/stocks/reservations/" + id + "/commit").then().statusCode(404);
        }

        assertThat(shop.stock(mine).getInt("reserved")).isZero();
        shop.call().get("/api/v1/stocks/movements").then().body("total", equalTo(1));
        shop.call().get("/api/v1/stocks").then().body("total", equalTo(1));
        other.call().get("/api/v1/stocks/movements").then().body("total", equalTo(1));
        assertThat(other.stock(theirs).getInt("onHand")).isEqualTo(5);
    }

    /** The level on hand is the sum of every movement's change. */
    @Test
    void aReservationClearOfEveryThresholdCostsThreeStatements() {
        InventoryApi shop = InventoryApi.newShop(port);
        String hose = shop.product("Tuyau d'arrosage", "TUY-SQL");
        shop.receive(hose, 100);
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", hose, "quantity", 1)));
        shop.call().body(body).post("/api/v1/stocks/reservations").then().statusCode(201);

        String requestId = "sql-" + UUID.randomUUID();
        shop.call().header("X-Request-Id", requestId).body(body).post("/api/v1/stocks/reservations")
                .then().statusCode(201);
        // the tenant setting + the reservation with its lines + the guarded update (with the alert inputs)
        assertThat(sql.statements(requestId)).isEqualTo(3);
    }

    private static void ledgerMatchesLevels(InventoryApi shop, String variantId) {
        List<Integer> changes = shop.call().get("/api/v1/stocks/" + variantId + "/movements?size=200").then()
                .extract().jsonPath().getList("items.change", Integer.class);
        assertThat(changes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(shop.stock(variantId).getInt("onHand"));
    }
}
