package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class SuppliersIT {

    @LocalServerPort
    int port;

    @Test
    void suppliersAreKeptSearchedFavouredAndDeleted() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        JsonPath created = shop.call().body(Map.of("name", "Grossiste Bourgogne", "contactName", "Mme Perrin",
                        "phone", "+33 3 80 00 00 00", "email", "achats@bourgogne.test", "address", "12 rue des Forges",
                        "city", "Dijon", "notes", "Livre le mardi"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getBoolean("favourite")).isFalse();
        assertThat(created.getString("registeredTenantId")).isNull();
        shop.supplier("Atelier Dakar");
        shop.supplier("Coopérative Thiès");

        shop.call().get("/api/v1/suppliers").then().statusCode(200).body("total", equalTo(3));
        shop.call().get("/api/v1/suppliers?q=dijon").then().body("total", equalTo(1)).body("items[0].id", equalTo(id));
        shop.call().get("/api/v1/suppliers?size=2&page=1").then().body("total", equalTo(3)).body("items", hasSize(1));

        Map<String, Object> change = new HashMap<>(Map.of("name", "Grossiste Bourgogne", "city", "Beaune",
                "favourite", true, "version", created.getLong("version")));
        shop.call().body(change).put("/api/v1/suppliers/" + id).then().statusCode(200)
                .body("favourite", equalTo(true)).body("city", equalTo("Beaune")).body("contactName", equalTo(null));
        shop.call().body(change).put("/api/v1/suppliers/" + id).then().spec(Api.problem(409, "concurrent-modification"));
        shop.call().get("/api/v1/suppliers?favourite=true").then().body("total", equalTo(1)).body("items[0].id", equalTo(id));
        shop.call().get("/api/v1/suppliers").then().body("items[0].id", equalTo(id));

        shop.call().delete("/api/v1/suppliers/" + id).then().statusCode(204);
        shop.call().get("/api/v1/suppliers/" + id).then().spec(Api.problem(404, "not-found"));
        shop.call().get("/api/v1/suppliers").then().body("total", equalTo(2));
        shop.call().body(Map.of("supplierId", id)).post("/api/v1/purchase-orders").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("supplierId"));
    }

    @Test
    void badInputIsRefusedOnItsField() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        shop.call().body(Map.of("name", " ")).post("/api/v1/suppliers").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("name"));
        shop.call().body(Map.of("name", "X", "email", "pas-un-email")).post("/api/v1/suppliers").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("email"));
        shop.call().body(Map.of("name", "X", "phone", "appelez-moi")).post("/api/v1/suppliers").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("phone"));
        shop.call().body(Map.of("name", "X".repeat(161))).post("/api/v1/suppliers").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("name"));
        shop.call().body(Map.of("name", "Nul\u0000")).post("/api/v1/suppliers").then().statusCode(400);

        String supplier = shop.supplier("Grossiste Anjou");
        String screws = shop.product("Vis", "VIS-S1", "3.00", null);
        shop.call().body(Map.of("variantId", screws, "cost", -1)).post("/api/v1/suppliers/" + supplier + "/variants")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("cost"));
        shop.call().body(Map.of("variantId", screws, "cost", 1.234)).post("/api/v1/suppliers/" + supplier + "/variants")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("cost"));
        shop.call().body(Map.of("variantId", screws, "cost", 1, "leadTimeDays", 400))
                .post("/api/v1/suppliers/" + supplier + "/variants").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("leadTimeDays"));
        shop.call().body(Map.of("variantId", java.util.UUID.randomUUID(), "cost", 1))
                .post("/api/v1/suppliers/" + supplier + "/variants").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("variantId"));
    }

    @Test
    void aVariantHasAtMostOnePreferredSupplierAndItsTermsPriceTheOrders() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String first = shop.supplier("Grossiste Maine");
        String second = shop.supplier("Grossiste Vendée");
        String screws = shop.product("Vis", "VIS-S2", "3.00", "2.00");

        JsonPath terms = shop.call().body(Map.of("variantId", screws, "cost", 1.10, "packSize", 12, "minQuantity", 24,
                        "leadTimeDays", 5, "supplierSku", "MAI-VIS", "preferred", true))
                .post("/api/v1/suppliers/" + first + "/variants").then().statusCode(201).extract().jsonPath();
        assertThat(terms.getString("sku")).isEqualTo("VIS-S2");
        assertThat(terms.getString("label")).isEqualTo("Vis");
        assertThat(terms.getInt("packSize")).isEqualTo(12);
        shop.call().body(Map.of("variantId", screws, "cost", 1)).post("/api/v1/suppliers/" + first + "/variants")
                .then().spec(Api.problem(409, "supplier-variant-exists"));
        String other = shop.call().body(Map.of("variantId", screws, "cost", 1.05, "preferred", true))
                .post("/api/v1/suppliers/" + second + "/variants").then().statusCode(201).extract().path("id");

        shop.call().get("/api/v1/suppliers/" + first + "/variants").then().body("[0].preferred", equalTo(false));
        shop.call().get("/api/v1/suppliers/" + second + "/variants").then().body("[0].preferred", equalTo(true));

        shop.call().body(Map.of("cost", 0.95, "preferred", true)).put("/api/v1/suppliers/" + second + "/variants/" + other)
                .then().statusCode(200).body("cost", equalTo(0.95f));
        // The supplier's terms give the unit cost of a line that names none.
        shop.call().body(Map.of("supplierId", second, "lines", List.of(Map.of("variantId", screws, "quantity", 3))))
                .post("/api/v1/purchase-orders").then().statusCode(201).body("lines[0].unitCost", equalTo(0.95f));

        shop.call().delete("/api/v1/suppliers/" + second + "/variants/" + other).then().statusCode(204);
        shop.call().get("/api/v1/suppliers/" + second + "/variants").then().body("$", hasSize(0));
        // Without terms, the variant's own cost.
        shop.call().body(Map.of("supplierId", second, "lines", List.of(Map.of("variantId", screws, "quantity", 3))))
                .post("/api/v1/purchase-orders").then().statusCode(201).body("lines[0].unitCost", equalTo(2.0f));

        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        shop.as(viewer).get("/api/v1/suppliers/" + first + "/variants").then().statusCode(200);
        shop.as(viewer).body(Map.of("name", "Nouveau")).post("/api/v1/suppliers").then().spec(Api.problem(403, "forbidden"));
    }
}
