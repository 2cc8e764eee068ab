package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

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

    @Test
    @SuppressWarnings("unchecked")
    void everyActiveProductOfTheGardenShopHasADrawnPictureServedInItsSizes() throws IOException {
        CatalogApi garden = demo("jardin-des-lilas");
        int products = 0;
        Map<String, Object> withColours = null;
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = garden.call()
                    .get("/api/v1/products?status=ACTIVE&facets=false&sort=name&size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                break;
            }
            for (Map<String, Object> item : items) {
                assertThat((List<?>) item.get("images")).as((String) item.get("name")).isNotEmpty();
                List<Map<String, Object>> options = (List<Map<String, Object>>) item.get("options");
                if (withColours == null && options.stream().anyMatch(o -> "Couleur".equals(o.get("name")))) {
                    withColours = item;
                }
                products++;
            }
        }
        assertThat(products).isGreaterThan(900);

        // One picture per colour, in the order of the colour's values, named after it.
        assertThat(withColours).isNotNull();
        List<String> colours = ((List<Map<String, Object>>) withColours.get("options")).stream()
                .filter(o -> "Couleur".equals(o.get("name"))).findFirst().map(o -> (List<String>) o.get("values")).orElseThrow();
        List<Map<String, Object>> images = (List<Map<String, Object>>) withColours.get("images");
        assertThat(images).hasSize(colours.size());

        // Served like an uploaded picture: the picture and its thumbnail, each a real JPEG of its size.
        Map<String, Object> first = images.get(0);
        assertThat(first.get("width")).isEqualTo(800);
        byte[] picture = garden.call().get((String) first.get("url")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(picture)).getWidth()).isEqualTo(800);
        byte[] thumbnail = garden.call().get((String) first.get("thumbnailUrl")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(320);
        assertThat(thumbnail.length).isLessThan(picture.length);
    }
}
