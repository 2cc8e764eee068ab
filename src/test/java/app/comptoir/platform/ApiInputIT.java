package app.comptoir.platform;

import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** The API refuses input it cannot store faithfully with a 4xx problem, before anything is written. */
@IntegrationTest
class ApiInputIT {

    @LocalServerPort
    int port;

    @Test
    void aNonJsonAcceptIsRefusedWith406BeforeTheWriteSoARetryCreatesNoDuplicate() {
        Account admin = Api.newBusiness(port, "Accept");
        RestAssured.given().port(port).header("Authorization", "Bearer " + admin.accessToken())
                .contentType("application/json").accept("text/html")
                .body(Map.of("name", "Jamais créée")).post("/api/v1/categories")
                .then().spec(Api.problem(406, "not-acceptable")).body("instance", equalTo("/api/v1/categories"));

        Api.as(port, admin).get("/api/v1/categories").then().statusCode(200).body("total", equalTo(0));
        Api.as(port, admin).accept("application/*, text/html;q=0.5").body(Map.of("name", "Créée"))
                .post("/api/v1/categories").then().statusCode(201);
    }

    @Test
    void aControlCharacterInAnyTextIsAFieldErrorNamingItsPath() {
        Account admin = Api.newBusiness(port, "Nul");
        Api.as(port, admin).body(Map.of("name", "Thé\u0000vert")).post("/api/v1/categories")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("name"));
        Api.as(port, admin).body(Map.of("name", "Thé\u001bvert")).post("/api/v1/categories")
                .then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/categories").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aNullInsideAnArrayIsAFieldErrorNotA500() {
        Account admin = Api.newBusiness(port, "Tableaux");
        Api.as(port, admin).body(Map.of("type", "LOW_STOCK", "enabled", true, "threshold", 50,
                        "channels", Arrays.asList((Object) null)))
                .post("/api/v1/alert-rules").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("channels[0]"));
        Api.as(port, admin).body(Map.of("id", UUID.randomUUID(), "reference", "R1",
                        "lines", Arrays.asList((Object) null)))
                .post("/api/v1/stocks/reservations").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("lines[0]"));
    }

    @Test
    void aFractionInAnIntegerFieldIsRefusedNotTruncated() {
        Account admin = Api.newBusiness(port, "Fractions");
        Api.as(port, admin).body("{\"variantId\":\"" + UUID.randomUUID() + "\",\"countedQuantity\":0.0000001}")
                .post("/api/v1/stocks/count").then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("countedQuantity"));
        Api.as(port, admin).body(Map.of("name", "Rayon", "position", List.of(1.5).getFirst()))
                .post("/api/v1/categories").then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("position"));
    }

    @Test
    void aControlCharacterInAnUploadsFileNameIsA400Problem() {
        Account admin = Api.newBusiness(port, "Fichiers");
        String product = Api.as(port, admin).body(Map.of("name", "Pot", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "POT", "price", 10))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        byte[] webp = java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        RestAssured.given().port(port).header("Authorization", "Bearer " + admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "a\u0000.webp", webp, "image/webp")
                .post("/api/v1/products/" + product + "/images")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("file"));
        RestAssured.given().port(port).header("Authorization", "Bearer " + admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "a\u0000.csv", "sku,name\n".getBytes(), "text/csv")
                .post("/api/v1/products/import")
                .then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                        org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json");
    }
}
