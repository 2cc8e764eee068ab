package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** The demo businesses open with stock, a history, alerts and things to reorder. */
@IntegrationTest
class DemoStockIT {

    @LocalServerPort
    int port;

    @Test
    void theGardenShopHasStockInTwoLocationsWithAlertsAndReorderSuggestions() {
        String token = Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);

        assertThat(Api.as(port, token).get("/api/v1/stocks/locations").then().statusCode(200).extract().jsonPath()
                .getList("name")).containsExactly("Boutique", "Entrepôt");
        JsonPath levels = Api.as(port, token).get("/api/v1/stocks?size=5").then().statusCode(200).extract().jsonPath();
        assertThat(levels.getLong("total")).isGreaterThan(1000);
        assertThat(Api.as(port, token).get("/api/v1/stocks/movements?type=SALE").then().extract().jsonPath()
                .getLong("total")).isPositive();
        assertThat(Api.as(port, token).get("/api/v1/stocks/alerts").then().extract().jsonPath().getLong("total"))
                .isPositive();
        assertThat(Api.as(port, token).get("/api/v1/stocks/reorder-suggestions").then().extract().jsonPath()
                .getList("sku")).isNotEmpty();
    }

    @Test
    void theDakarShopHasItsStaplesInStock() {
        String token = Api.token(port, "admin@boutique-awa.demo", Api.DEMO_PASSWORD);
        assertThat(Api.as(port, token).get("/api/v1/stocks").then().statusCode(200).extract().jsonPath()
                .getLong("total")).isPositive();
    }
}
