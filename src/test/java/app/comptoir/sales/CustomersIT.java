package app.comptoir.sales;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class CustomersIT {

    @LocalServerPort
    int port;

    @Test
    void customersHaveAddressesWithOneDefaultForDeliveryAndOneForBilling() {
        SalesApi shop = SalesApi.newShop(port);
        String id = shop.call().body(Map.of("kind", "COMPANY", "name", "Paysages Rhône", "email", "contact@paysages.test",
                        "phone", "04 72 00 00 00", "notes", "Paie à 30 jours"))
                .post("/api/v1/customers").then().statusCode(201)
                .body("kind", equalTo("COMPANY")).body("addresses", hasSize(0)).extract().path("id");
        String office = shop.address(id, "1 rue de la République", "Lyon");
        String depot = shop.address(id, "ZI Nord", "Vénissieux");
        shop.call().get("/api/v1/customers/" + id + "/addresses").then().statusCode(200)
                .body("find { it.id == '" + office + "' }.defaultDelivery", equalTo(true))
                .body("find { it.id == '" + office + "' }.defaultBilling", equalTo(true))
                .body("find { it.id == '" + depot + "' }.defaultDelivery", equalTo(false));

        shop.call().post("/api/v1/customers/" + id + "/addresses/" + depot + "/default").then().statusCode(200)
                .body("addresses[0].id", equalTo(depot))
                .body("addresses.findAll { it.defaultDelivery }", hasSize(1))
                .body("addresses.find { it.id == '" + office + "' }.defaultBilling", equalTo(true));
        shop.call().body(Map.of("type", "BILLING")).post("/api/v1/customers/" + id + "/addresses/" + depot + "/default")
                .then().statusCode(200).body("addresses.find { it.id == '" + depot + "' }.defaultBilling", equalTo(true))
                .body("addresses.findAll { it.defaultBilling }", hasSize(1));

        shop.call().delete("/api/v1/customers/" + id + "/addresses/" + depot).then().statusCode(204);
        shop.call().get("/api/v1/customers/" + id).then().body("addresses", hasSize(1))
                .body("addresses[0].defaultDelivery", equalTo(true)).body("addresses[0].defaultBilling", equalTo(true));

        shop.call().body(Map.of("name", "Paysages du Rhône", "version", 0)).put("/api/v1/customers/" + id)
                .then().statusCode(200).body("name", equalTo("Paysages du Rhône")).body("kind", equalTo("PERSON"));
        shop.call().body(Map.of("name", "Stale", "version", 0)).put("/api/v1/customers/" + id)
                .then().spec(Api.problem(409, "concurrent-modification"));
        shop.call().get("/api/v1/customers?q=rhône").then().body("total", equalTo(1));
        shop.call().get("/api/v1/customers?q=0472").then().body("total", equalTo(0));
        shop.call().delete("/api/v1/customers/" + id).then().statusCode(204);
        shop.call().get("/api/v1/customers/" + id).then().spec(Api.problem(404, "not-found"));
        shop.call().get("/api/v1/customers").then().body("total", equalTo(0));
    }

    @Test
    void invalidCustomersAndAddressesAreRefusedAndRolesApply() {
        SalesApi shop = SalesApi.newShop(port);
        shop.call().body(Map.of("email", "x@y.z")).post("/api/v1/customers").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("name"));
        shop.call().body(Map.of("name", "A", "email", "not-an-email")).post("/api/v1/customers")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("email"));
        String id = shop.customer("Awa Diop", "+221 77 000 00 00");
        shop.call().body(Map.of("line1", "Rue 10")).post("/api/v1/customers/" + id + "/addresses")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("city"));
        shop.call().body(Map.of("line1", "Rue 10", "city", "Dakar", "country", "Sénégal"))
                .post("/api/v1/customers/" + id + "/addresses").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("country"));

        Account viewer = shop.user("VIEWER");
        shop.as(viewer).get("/api/v1/customers/" + id).then().statusCode(200);
        shop.as(viewer).body(Map.of("name", "X")).post("/api/v1/customers").then().spec(Api.problem(403, "forbidden"));
        Account manager = shop.user("MANAGER");
        shop.as(manager).body(Map.of("name", "Y")).post("/api/v1/customers").then().statusCode(201);
        SalesApi.newShop(port).call().get("/api/v1/customers/" + id + "/addresses").then().spec(Api.problem(404, "not-found"));
    }
}
