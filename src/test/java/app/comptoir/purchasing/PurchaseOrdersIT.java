package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class PurchaseOrdersIT {

    /** New businesses keep the default time zone of a euro business: their year is Paris's, not the machine's. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aManualOrderGoesFromDraftToDeliveredAtTheBuyersHand() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Rhône");
        String screws = shop.product("Vis", "VIS-1", "3.00", null);
        String nails = shop.product("Clous", "CLO-1", "2.00", null);

        JsonPath draft = shop.draft(supplier, screws, 10, "1.20");
        String id = draft.getString("id");
        assertThat(draft.getString("number")).isEqualTo("ACH-" + Year.now(PARIS).getValue() + "-000001");
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getString("supplierName")).isEqualTo("Grossiste Rhône");
        assertThat(draft.getBoolean("connected")).isFalse();
        assertThat(draft.getList("next")).containsExactly("SENT", "CANCELLED");

        shop.call().body(Map.of("lines", List.of(Map.of("variantId", screws, "quantity", 10, "unitCost", 1.2),
                        Map.of("variantId", nails, "quantity", 5, "unitCost", 0.5)), "notes", "Livraison à l'arrière"))
                .put("/api/v1/purchase-orders/" + id).then().statusCode(200)
                .body("lines", hasSize(2)).body("total", equalTo(14.5f)).body("lines[1].sku", equalTo("CLO-1"));
        assertThat(shop.draft(supplier, screws, 1, "1").getString("number"))
                .isEqualTo("ACH-" + Year.now(PARIS).getValue() + "-000002");

        shop.call().post("/api/v1/purchase-orders/" + id + "/ship").then()
                .spec(Api.problem(409, "purchase-order-transition")).body("detail", containsString("DRAFT"))
                .body("allowed", equalTo(List.of("SENT", "CANCELLED")));
        assertThat(shop.act(id, "send").getString("status")).isEqualTo("SENT");
        shop.call().body(Map.of("notes", "trop tard")).put("/api/v1/purchase-orders/" + id)
                .then().spec(Api.problem(409, "purchase-order-not-draft"));
        shop.call().post("/api/v1/purchase-orders/" + id + "/send").then().spec(Api.problem(409, "purchase-order-transition"));
        assertThat(shop.act(id, "confirm").getString("status")).isEqualTo("CONFIRMED");
        shop.call().post("/api/v1/purchase-orders/" + id + "/cancel").then().spec(Api.problem(409, "purchase-order-transition"));
        assertThat(shop.act(id, "ship").getString("status")).isEqualTo("SHIPPED");
        JsonPath delivered = shop.act(id, "deliver");

        assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivered.getList("history.status")).containsExactly("DRAFT", "SENT", "CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(delivered.getList("history.bySupplier")).containsOnly(false);
        assertThat(delivered.getString("sentAt")).isNotNull();
        assertThat(delivered.getString("deliveredAt")).isNotNull();
        assertThat(delivered.getList("next")).isEmpty();
        shop.call().accept("application/pdf").get("/api/v1/purchase-orders/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void theBuyerCancelsADraftOrASentOrderOnly() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Saône");
        String screws = shop.product("Vis", "VIS-2", "3.00", null);

        String draft = shop.draft(supplier, screws, 1, "1").getString("id");
        shop.call().body(Map.of("reason", "Doublon")).post("/api/v1/purchase-orders/" + draft + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Doublon"));
        String sent = shop.draft(supplier, screws, 1, "1").getString("id");
        shop.act(sent, "send");
        assertThat(shop.act(sent, "cancel").getString("status")).isEqualTo("CANCELLED");
        shop.call().post("/api/v1/purchase-orders/" + sent + "/send").then().spec(Api.problem(409, "purchase-order-transition"))
                .body("detail", containsString("final"));

        String empty = shop.call().body(Map.of("supplierId", supplier)).post("/api/v1/purchase-orders")
                .then().statusCode(201).extract().path("id");
        shop.call().post("/api/v1/purchase-orders/" + empty + "/send").then().spec(Api.problem(409, "purchase-order-empty"));
    }

    @Test
    void aConnectedOrdersSupplierOnlyMovesAreRefusedToTheBuyer() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        Account wholesaler = Api.newBusiness(port, "Grossiste inscrit");
        String supplier = shop.supplier("Grossiste inscrit");
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tenantContext.runAs(shop.admin.tenantId(), () -> tx.executeWithoutResult(s -> jdbc.update(
                "update suppliers set registered_tenant_id = ? where id = ?", wholesaler.tenantId(), UUID.fromString(supplier))));
        String screws = shop.product("Vis", "VIS-3", "3.00", null);

        JsonPath draft = shop.draft(supplier, screws, 4, "1.00");
        assertThat(draft.getBoolean("connected")).isTrue();
        assertThat(draft.getString("supplierTenantId")).isEqualTo(wholesaler.tenantId().toString());
        String id = draft.getString("id");
        assertThat(shop.act(id, "send").getList("next")).containsExactly("CANCELLED");

        for (String act : List.of("confirm", "ship", "deliver")) {
            shop.call().post("/api/v1/purchase-orders/" + id + "/" + act).then()
                    .spec(Api.problem(409, "purchase-order-transition"));
        }
        shop.call().post("/api/v1/purchase-orders/" + id + "/confirm").then()
                .body("detail", containsString("only the supplier"));
        // The supplier's business sees the order addressed to it (row-level security), its lines carry it too.
        Long lines = tenantContext.callAs(wholesaler.tenantId(), () -> tx.execute(s -> jdbc.queryForObject(
                "select count(*) from purchase_order_lines where order_id = ?", Long.class, UUID.fromString(id))));
        assertThat(lines).isEqualTo(1);
        // ... but not through the buyer's API.
        Api.as(port, wholesaler).get("/api/v1/purchase-orders/" + id).then().spec(Api.problem(404, "not-found"));
        assertThat(shop.act(id, "cancel").getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void receiptsPutExactlyWhatArrivedIntoStockOnceAndCompleteTheOrder() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Loire");
        String screws = shop.product("Vis", "VIS-4", "3.00", null);
        String nails = shop.product("Clous", "CLO-4", "2.00", null);
        JsonPath draft = shop.draft(supplier, screws, 10, "1.00", nails, 4, "0.50");
        String id = draft.getString("id");
        String screwLine = draft.getString("lines[0].id");
        String nailLine = draft.getString("lines[1].id");
        shop.call().body(PurchasingApi.receipt(screwLine, 1)).post("/api/v1/purchase-orders/" + id + "/receipts")
                .then().spec(Api.problem(409, "purchase-order-transition"));
        shop.act(id, "send");

        String key = "reception-" + UUID.randomUUID();
        JsonPath first = shop.call().header("Idempotency-Key", key).body(PurchasingApi.receipt(screwLine, 6, nailLine, 0))
                .post("/api/v1/purchase-orders/" + id + "/receipts").then().statusCode(201).extract().jsonPath();
        assertThat(first.getString("order.status")).isEqualTo("SENT");
        assertThat(first.getInt("order.lines[0].receivedQuantity")).isEqualTo(6);
        assertThat(first.getInt("order.lines[0].remaining")).isEqualTo(4);
        assertThat(first.getList("receipt.lines")).hasSize(1);
        assertThat(shop.onHand(screws)).isEqualTo(6);

        shop.call().header("Idempotency-Key", key).body(PurchasingApi.receipt(screwLine, 6, nailLine, 0))
                .post("/api/v1/purchase-orders/" + id + "/receipts").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("receipt.id", equalTo(first.getString("receipt.id")));
        assertThat(shop.onHand(screws)).as("a retried receipt is recorded once").isEqualTo(6);
        shop.call().header("Idempotency-Key", key).body(PurchasingApi.receipt(screwLine, 2))
                .post("/api/v1/purchase-orders/" + id + "/receipts").then().spec(Api.problem(422, "idempotency-key-reused"));

        shop.call().body(PurchasingApi.receipt(screwLine, 5, nailLine, 4)).post("/api/v1/purchase-orders/" + id + "/receipts")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", containsString("4"));
        assertThat(shop.onHand(nails)).as("a refused receipt takes nothing in").isZero();

        JsonPath last = shop.call().body(PurchasingApi.receipt(screwLine, 4, nailLine, 4))
                .post("/api/v1/purchase-orders/" + id + "/receipts").then().statusCode(201).extract().jsonPath();
        assertThat(last.getString("order.status")).isEqualTo("DELIVERED");
        assertThat(last.getList("order.history.status")).containsExactly("DRAFT", "SENT", "DELIVERED");
        assertThat(last.getList("order.receipts")).hasSize(2);
        assertThat(shop.onHand(screws)).isEqualTo(10);
        assertThat(shop.onHand(nails)).isEqualTo(4);
        List<Map<String, Object>> movements = shop.call().queryParam("variantId", screws).queryParam("type", "RECEIPT")
                .get("/api/v1/stocks/movements").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(movements).hasSize(2).allSatisfy(m -> assertThat(m.get("reference")).isEqualTo(draft.getString("number")));

        shop.call().body(PurchasingApi.receipt(screwLine, 1)).post("/api/v1/purchase-orders/" + id + "/receipts")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void aReceiptRecordedOfflineKeepsTheTimeTheGoodsArrived() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Drôme");
        String bulbs = shop.product("Bulbes de tulipe", "TUL-10", "4.00", null);
        JsonPath draft = shop.draft(supplier, bulbs, 12, "1.50");
        String id = draft.getString("id");
        shop.act(id, "send");
        java.time.Instant threeHoursAgo = java.time.Instant.now().minus(3, java.time.temporal.ChronoUnit.HOURS)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> body = new java.util.HashMap<>(PurchasingApi.receipt(draft.getString("lines[0].id"), 12));
        body.put("id", UUID.randomUUID().toString());
        body.put("occurredAt", threeHoursAgo.toString());

        JsonPath received = shop.call().body(body).post("/api/v1/purchase-orders/" + id + "/receipts").then()
                .statusCode(201).extract().jsonPath();
        assertThat(received.getString("receipt.receivedAt")).isEqualTo(threeHoursAgo.toString());
        assertThat(received.getString("order.status")).isEqualTo("DELIVERED");
        shop.call().body(body).post("/api/v1/purchase-orders/" + id + "/receipts").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        assertThat(shop.onHand(bulbs)).as("sent twice, received once").isEqualTo(12);
        assertThat(shop.call().queryParam("variantId", bulbs).get("/api/v1/stocks/movements").then().statusCode(200)
                .extract().jsonPath().getString("items[0].occurredAt")).isEqualTo(threeHoursAgo.toString());

        body.put("id", UUID.randomUUID().toString());
        body.put("occurredAt", java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS).toString());
        shop.call().body(body).post("/api/v1/purchase-orders/" + id + "/receipts").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void receiptsChangeTheCostByWeightedAverageOrByTheLastPrice() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Isère");
        String screws = shop.product("Vis", "VIS-5", "9.00", "4.00");
        shop.stockIn(screws, 10);

        // Weighted average, the default: 10 on hand at 4.00 and 30 received at 6.00 → (40 + 180) / 40 = 5.50
        JsonPath order = shop.draft(supplier, screws, 30, "6.00");
        shop.act(order.getString("id"), "send");
        shop.call().body(PurchasingApi.receipt(order.getString("lines[0].id"), 30))
                .post("/api/v1/purchase-orders/" + order.getString("id") + "/receipts").then().statusCode(201);
        assertThat(cost(shop, screws)).isEqualByComparingTo("5.50");

        shop.call().body(Map.of("costMethod", "LAST")).put("/api/v1/purchasing/settings").then().statusCode(200)
                .body("costMethod", equalTo("LAST")).body("reminderDays", equalTo(3));
        JsonPath again = shop.draft(supplier, screws, 5, "7.00");
        shop.act(again.getString("id"), "send");
        shop.call().body(PurchasingApi.receipt(again.getString("lines[0].id"), 5))
                .post("/api/v1/purchase-orders/" + again.getString("id") + "/receipts").then().statusCode(201);
        assertThat(cost(shop, screws)).isEqualByComparingTo("7.00");

        // Ordering again takes today's cost of the variant when the supplier has no terms for it.
        JsonPath copy = shop.call().post("/api/v1/purchase-orders/" + again.getString("id") + "/order-again")
                .then().statusCode(201).extract().jsonPath();
        assertThat(copy.getString("status")).isEqualTo("DRAFT");
        assertThat(copy.getFloat("lines[0].unitCost")).isEqualTo(7.0f);
        assertThat(copy.getString("reorderedFromId")).isEqualTo(again.getString("id"));
    }

    @Test
    void listsFilterByStatusSupplierAndDays() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String rhone = shop.supplier("Grossiste Ain");
        String loire = shop.supplier("Grossiste Drôme");
        String screws = shop.product("Vis", "VIS-6", "3.00", null);
        String sent = shop.draft(rhone, screws, 1, "1").getString("id");
        shop.act(sent, "send");
        shop.draft(rhone, screws, 1, "1");
        shop.draft(loire, screws, 1, "1");
        String today = java.time.LocalDate.now(PARIS).toString();

        shop.call().get("/api/v1/purchase-orders").then().statusCode(200).body("total", equalTo(3));
        shop.call().get("/api/v1/purchase-orders?status=SENT").then().body("total", equalTo(1)).body("items[0].id", equalTo(sent));
        shop.call().get("/api/v1/purchase-orders?supplierId=" + loire).then().body("total", equalTo(1));
        shop.call().get("/api/v1/purchase-orders?from=" + today + "&to=" + today + "&size=2").then().body("total", equalTo(3))
                .body("items", hasSize(2));
        shop.call().get("/api/v1/purchase-orders?from=2000-01-01&to=2000-01-02").then().body("total", equalTo(0));
        shop.call().get("/api/v1/purchase-orders?q=Drôme").then().body("total", equalTo(1));
        shop.call().get("/api/v1/purchase-orders?status=LOST").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void aViewerReadsButDoesNotBuyAndOnlyAdminsChangeTheSettings() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String supplier = shop.supplier("Grossiste Gard");
        String screws = shop.product("Vis", "VIS-7", "3.00", null);
        String id = shop.draft(supplier, screws, 1, "1").getString("id");
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        Account manager = Api.newUser(port, shop.admin, "MANAGER");

        shop.as(viewer).get("/api/v1/purchase-orders/" + id).then().statusCode(200);
        shop.as(viewer).body(Map.of("supplierId", supplier)).post("/api/v1/purchase-orders").then()
                .spec(Api.problem(403, "forbidden"));
        shop.as(viewer).post("/api/v1/purchase-orders/" + id + "/send").then().spec(Api.problem(403, "forbidden"));
        shop.as(manager).post("/api/v1/purchase-orders/" + id + "/send").then().statusCode(200);
        shop.as(manager).body(Map.of("costMethod", "LAST")).put("/api/v1/purchasing/settings").then()
                .spec(Api.problem(403, "forbidden"));
        shop.call().body(Map.of("reminderDays", 90)).put("/api/v1/purchasing/settings").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("reminderDays"));
        shop.call().body(Map.of("supplierId", UUID.randomUUID())).post("/api/v1/purchase-orders").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("supplierId"));
        shop.call().body(Map.of("supplierId", supplier, "lines", List.of(Map.of("variantId", screws, "quantity", 0))))
                .post("/api/v1/purchase-orders").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("lines[0].quantity"));
    }

    private BigDecimal cost(PurchasingApi shop, String variantId) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        return tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s -> jdbc.queryForObject(
                "select cost from variants where id = ?", BigDecimal.class, UUID.fromString(variantId))));
    }
}
