package app.comptoir.sales;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/** Changes to customers, their addresses, quotes and orders land in the audit log with who, what and before/after. */
@IntegrationTest
class SalesAuditTrailIT {

    @LocalServerPort
    int port;

    @Test
    void customerAndAddressChangesAreAudited() {
        SalesApi shop = SalesApi.newShop(port);
        String id = shop.call().body(Map.of("name", "Mme Rose", "phone", "0611111111")).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        shop.call().body(Map.of("name", "Mme Rose", "phone", "0622222222")).put("/api/v1/customers/" + id)
                .then().statusCode(200);
        String address = shop.call().body(Map.of("line1", "3 rue des Lilas", "postalCode", "69003", "city", "Lyon"))
                .post("/api/v1/customers/" + id + "/addresses").then().statusCode(201).extract().path("id");
        shop.call().delete("/api/v1/customers/" + id).then().statusCode(204);

        shop.call().get("/api/v1/audit?entityType=customer&entityId=" + id).then().statusCode(200)
                .body("items.action", contains("DELETE", "UPDATE", "CREATE"))
                .body("items.actor", everyItem(equalTo(shop.admin.email())))
                .body("items[1].before.phone", equalTo("0611111111"))
                .body("items[1].after.phone", equalTo("0622222222"))
                .body("items[1].after.name", equalTo(null));
        shop.call().get("/api/v1/audit?entityType=customer-address&entityId=" + address).then().statusCode(200)
                .body("items.action", contains("CREATE")).body("items[0].after.city", equalTo("Lyon"));
    }

    @Test
    void anOrdersLifeIsAuditedStepByStep() {
        SalesApi shop = SalesApi.newShop(port);
        String hose = shop.stocked("Tuyau", "TUY-AUD", "20.00", 20, 10);
        String order = shop.call().body(Map.of("customer", Map.of("name", "M. Vert", "phone", "0633333333"),
                "lines", List.of(Map.of("variantId", hose, "quantity", 2)))).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        shop.call().post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);
        shop.call().post("/api/v1/orders/" + order + "/cancel").then().statusCode(200);

        shop.call().get("/api/v1/audit?entityType=order&entityId=" + order).then().statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE", "CREATE"))
                .body("items[2].after.lines", contains("TUY-AUD × 2"))
                .body("items[1].before.status", equalTo("DRAFT")).body("items[1].after.status", equalTo("CONFIRMED"))
                .body("items[0].after.status", equalTo("CANCELLED"));
    }
}
