package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class DemoCatalogIT {

    @LocalServerPort
    int port;

    private CatalogApi demo(String slug) {
        return CatalogApi.as(port, Api.token(port, "manager@" + slug + ".demo", Api.DEMO_PASSWORD));
    }

    @Test
    void theGardenShopHasAThousandProductsWithAboutTenThousandVariants() {
        CatalogApi garden = demo("jardin-des-lilas");
        JsonPath all = garden.call().get("/api/v1/products?size=1").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("total")).isBetween(1000, 1005);
        assertThat(garden.call().get("/api/v1/variants?size=1").then().extract().jsonPath().getInt("total"))
                .isBetween(9_000, 11_000);
        assertThat(garden.call().get("/api/v1/categories/all").then().extract().jsonPath().getList("name"))
                .hasSize(12).contains("Arrosage", "Pots et jardinières", "Plantes");

        JsonPath cans = garden.call().get("/api/v1/products?q=arosoir&status=ACTIVE&sort=price").then().statusCode(200)
                .extract().jsonPath();
        assertThat(cans.getInt("total")).isGreaterThan(5);
        assertThat(cans.getList("items.name", String.class)).allSatisfy(n -> assertThat(n).containsIgnoringCase("arrosoir"));
        assertThat(cans.getList("facets.categories.name")).contains("Arrosoirs");
    }

    @Test
    void theOtherDemoShopsHaveSmallCatalogsForTheirTrade() {
        JsonPath rice = demo("boutique-awa").call().get("/api/v1/products?q=riz").then().statusCode(200).extract().jsonPath();
        assertThat(rice.getList("items.name")).contains("Riz brisé parfumé");
        assertThat(rice.getFloat("items.find { it.name == 'Riz brisé parfumé' }.vatRate")).isEqualTo(18f);
        assertThat(rice.getString("items.find { it.name == 'Riz brisé parfumé' }.unit")).isEqualTo("bag");

        JsonPath clothes = demo("seconde-main").call().get("/api/v1/products?size=100").then().extract().jsonPath();
        assertThat(clothes.getInt("total")).isGreaterThan(10);
        assertThat(clothes.getList("items.collect { it.variants.size() }", Integer.class)).containsOnly(1);

        assertThat(demo("express-livraison").call().get("/api/v1/products").then().extract().jsonPath().getInt("total"))
                .isGreaterThan(5);
        assertThat(demo("ct-du-centre").call().get("/api/v1/products").then().extract().jsonPath().getInt("total"))
                .isZero();
    }
}
