package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.domain.PurchaseOrderStatus;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * A shopkeeper orders from a registered supplier on the marketplace; the supplier sees the order among its received
 * orders once sent, accepts, ships and delivers it, and the shopkeeper sees each status. Only those two businesses
 * see the order: not a third shopkeeper, not another supplier, down to the SQL with row-level security.
 */
@IntegrationTest
class ConnectedOrdersIT {

    @LocalServerPort
    int port;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSupplierMovesAConnectedOrderFromAcceptedToDeliveredAndOnlyTheTwoBusinessesSeeIt() {
        Account supplier = MarketplaceIT.newSupplier(port, "Brasserie en gros " + UUID.randomUUID(), "EUR");
        MarketplaceIT.profile(port, supplier, "Brasserie en gros", "Lyon", List.of("Boissons"), "100");
        String beer = MarketplaceIT.addProduct(port, supplier, "Bière blonde 24x33 cl", "Boissons", "21.50", 2);
        Account shop = Api.newBusiness(port, "Bar du coin");

        UUID orderId = UUID.fromString(Api.as(port, shop)
                .body(Map.of("lines", List.of(Map.of("productId", beer, "quantity", 6)), "notes", "Livraison le matin"))
                .post("/api/v1/marketplace/suppliers/" + supplier.tenantId() + "/orders")
                .then().statusCode(201).body("connected", equalTo(true)).body("supplierTenantId",
                        equalTo(supplier.tenantId().toString())).body("total", equalTo(129.0f))
                .extract().<String>path("id"));
        // A draft is still the shopkeeper's: the supplier does not see it yet.
        Api.as(port, supplier).get("/api/v1/supplier/orders").then().statusCode(200).body("total", equalTo(0));

        Api.as(port, shop).post("/api/v1/purchase-orders/" + orderId + "/send").then().statusCode(200)
                .body("status", equalTo("SENT"));
        Api.as(port, supplier).get("/api/v1/supplier/orders").then().body("total", equalTo(1))
                .body("items[0].id", equalTo(orderId.toString())).body("items[0].status", equalTo("SENT"));
        Api.as(port, supplier).queryParam("status", "CONFIRMED").get("/api/v1/supplier/orders").then()
                .body("total", equalTo(0));
        Api.as(port, supplier).get("/api/v1/supplier/orders/" + orderId).then().statusCode(200)
                .body("notes", equalTo("Livraison le matin")).body("lines.label",
                        contains("Bière blonde 24x33 cl (carton)")).body("lines[0].quantity", equalTo(6));

        // The buyer cannot confirm a connected order itself: only its supplier does.
        Api.as(port, shop).post("/api/v1/purchase-orders/" + orderId + "/confirm").then()
                .spec(Api.problem(409, "purchase-order-transition"));
        assertThatThrownBy(() -> asTenant(shop, () -> purchaseOrders.confirm(orderId)))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        // Shipping before accepting is refused too.
        Api.as(port, supplier).post("/api/v1/supplier/orders/" + orderId + "/ship").then().statusCode(409);

        // The supplier accepts on its received orders' page.
        app.comptoir.support.WebSession web = new app.comptoir.support.WebSession(port);
        web.signIn(supplier.email(), supplier.password());
        assertThat(web.get("/app/supplier/orders?status=SENT").body()).contains("Bar du coin");
        assertThat(web.get("/app/supplier/orders/" + orderId).body()).contains("data-accept").contains("data-refuse");
        assertThat(web.post("/app/supplier/orders/" + orderId + "/accept", Map.of()).status()).isEqualTo(302);
        Api.as(port, supplier).get("/api/v1/supplier/orders/" + orderId).then().body("order.status", equalTo("CONFIRMED"));
        assertThat(status(shop, orderId)).isEqualTo(PurchaseOrderStatus.CONFIRMED);
        Api.as(port, supplier).post("/api/v1/supplier/orders/" + orderId + "/ship").then().statusCode(200)
                .body("order.status", equalTo("SHIPPED"));
        assertThat(status(shop, orderId)).isEqualTo(PurchaseOrderStatus.SHIPPED);
        Api.as(port, supplier).post("/api/v1/supplier/orders/" + orderId + "/deliver").then().statusCode(200)
                .body("order.status", equalTo("DELIVERED")).body("history.status",
                        contains("DRAFT", "SENT", "CONFIRMED", "SHIPPED", "DELIVERED"));
        assertThat(status(shop, orderId)).isEqualTo(PurchaseOrderStatus.DELIVERED);
        Api.as(port, supplier).get("/api/v1/supplier/dashboard").then().statusCode(200)
                .body("catalogSize", equalTo(1)).body("ordersByStatus.DELIVERED", equalTo(1))
                .body("deliveredThisMonth", equalTo(129.0f));

        // A third shopkeeper and another supplier see neither the order nor its lines.
        Account third = Api.newBusiness(port, "Bar d'en face");
        Account otherSupplier = MarketplaceIT.newSupplier(port, "Autre brasserie " + UUID.randomUUID(), "EUR");
        Api.as(port, otherSupplier).get("/api/v1/supplier/orders").then().body("total", equalTo(0));
        Api.as(port, otherSupplier).get("/api/v1/supplier/orders/" + orderId).then().statusCode(404);
        Api.as(port, otherSupplier).post("/api/v1/supplier/orders/" + orderId + "/accept").then().statusCode(404);
        Api.as(port, third).get("/api/v1/supplier/orders/" + orderId).then().statusCode(409);
        Api.as(port, third).get("/api/v1/purchase-orders/" + orderId).then().statusCode(404);
        Api.as(port, third).queryParam("size", 200).get("/api/v1/purchase-orders").then().statusCode(200)
                .body("total", equalTo(0));
        assertThatThrownBy(() -> asTenant(third, () -> purchaseOrders.find(orderId)))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        for (Account outsider : List.of(third, otherSupplier)) {
            assertThat(count(outsider, "select count(*) from purchase_orders where id = ?", orderId)).isZero();
            assertThat(count(outsider, "select count(*) from purchase_order_lines where order_id = ?", orderId)).isZero();
            assertThat(count(outsider, "select count(*) from purchase_order_history where order_id = ?", orderId)).isZero();
        }
        // The two businesses see it at the SQL level too.
        assertThat(count(shop, "select count(*) from purchase_order_lines where order_id = ?", orderId)).isEqualTo(1);
        assertThat(count(supplier, "select count(*) from purchase_order_lines where order_id = ?", orderId)).isEqualTo(1);
    }

    @Test
    void theSupplierRefusesASentOrderWithAReasonTheBuyerReads() {
        Account supplier = MarketplaceIT.newSupplier(port, "Fromagerie en gros " + UUID.randomUUID(), "EUR");
        String cheese = MarketplaceIT.addProduct(port, supplier, "Comté 18 mois", "Crèmerie", "18.00", 1);
        Account shop = Api.newBusiness(port, "Crèmerie");
        UUID orderId = UUID.fromString(Api.as(port, shop)
                .body(Map.of("lines", List.of(Map.of("productId", cheese, "quantity", 3))))
                .post("/api/v1/marketplace/suppliers/" + supplier.tenantId() + "/orders")
                .then().statusCode(201).extract().<String>path("id"));
        Api.as(port, shop).post("/api/v1/purchase-orders/" + orderId + "/send").then().statusCode(200);
        Api.as(port, supplier).body(Map.of("reason", "")).post("/api/v1/supplier/orders/" + orderId + "/refuse")
                .then().spec(Api.problem(400, "validation"));
        Api.as(port, supplier).body(Map.of("reason", "Rupture de stock")).post("/api/v1/supplier/orders/" + orderId
                + "/refuse").then().statusCode(200).body("order.status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Rupture de stock"));
        Api.as(port, shop).get("/api/v1/purchase-orders/" + orderId).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Rupture de stock"));
        // A viewer of the supplier may read, not move.
        Account viewer = Api.newUser(port, supplier, "VIEWER");
        Api.as(port, viewer).get("/api/v1/supplier/orders/" + orderId).then().statusCode(200);
        Api.as(port, viewer).post("/api/v1/supplier/orders/" + orderId + "/accept").then().statusCode(403);
    }

    /** The order's status as the shopkeeper reads it on the API. */
    private PurchaseOrderStatus status(Account shop, UUID orderId) {
        return PurchaseOrderStatus.valueOf(Api.as(port, shop).get("/api/v1/purchase-orders/" + orderId).then()
                .statusCode(200).extract().path("status"));
    }

    private long count(Account account, String sql, UUID id) {
        return asTenant(account, () -> new TransactionTemplate(txManager).execute(s ->
                jdbc.queryForObject(sql, Long.class, id)));
    }

    private <T> T asTenant(Account account, Callable<T> work) {
        return tenantContext.callAs(account.tenantId(), work);
    }
}
