package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.matrix;
import static app.comptoir.catalog.CatalogApi.option;
import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SqlStatementCounter;

@IntegrationTest
class SearchIT {

    @LocalServerPort
    int port;

    @Autowired
    SqlStatementCounter sql;

    CatalogApi shop;
    String watering;
    String hoses;
    String cans;
    String pots;

    @BeforeEach
    void aSmallGardenShop() {
        shop = CatalogApi.newShop(port);
        watering = shop.createCategory("Arrosage", null);
        hoses = shop.createCategory("Tuyaux", watering);
        cans = shop.createCategory("Arrosoirs", watering);
        pots = shop.createCategory("Pots", null);
        product("Arrosoir métal galvanisé 10 L", cans, "Guillouard", List.of("arrosage", "métal"),
                "Arrosoir traditionnel à pomme en laiton.", "ARR-GALVA", "34.90", List.of());
        product("Arrosoir plastique 5 L", cans, "Elho", List.of("arrosage", "enfant"),
                "Léger, idéal pour les balcons.", "ARR-PLAST", "7.50", List.of(option("Couleur", "Vert", "Rouge")));
        product("Tuyau d'arrosage anti-vrille", hoses, "Gardena", List.of("arrosage"),
                "Tuyau souple qui ne fait pas de nœuds.", "TUY-AV", "29.00",
                List.of(option("Longueur", "15 m", "25 m", "50 m")));
        product("Pot rond en terre cuite", pots, "Deroma", List.of("terre cuite"),
                "Pot résistant au gel, fabriqué en Italie.", "POT-RD", "12.00",
                List.of(option("Diamètre", "30 cm", "40 cm"), option("Couleur", "Naturel", "Rouge")));
        product("Sécateur de précision", null, "Felco", List.of("taille"),
                "Le sécateur des professionnels, lames en acier trempé.", "SEC-FELCO", "59.00", List.of());
    }

    private void product(String name, String category, String brand, List<String> tags, String description,
                         String sku, String price, List<Map<String, Object>> options) {
        Map<String, Object> body = options.isEmpty() ? simple(name, sku, price) : matrix(name, sku, price, options);
        body.put("categoryId", category);
        body.put("brand", brand);
        body.put("tags", tags);
        body.put("description", description);
        shop.create(body);
    }

    private JsonPath search(String query) {
        return shop.call().get("/api/v1/products?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMisspeltWordStillFindsTheProduct() {
        assertThat(search("q=arosoir").getList("items.name")).contains("Arrosoir métal galvanisé 10 L",
                "Arrosoir plastique 5 L");
        assertThat(search("q=secatuer").getList("items.name")).containsExactly("Sécateur de précision");
        assertThat(search("q=gardenna").getList("items.name")).containsExactly("Tuyau d'arrosage anti-vrille");
    }

    @Test
    void accentsAreIgnoredAndWordsAreStemmed() {
        assertThat(search("q=galvanise").getList("items.name")).containsExactly("Arrosoir métal galvanisé 10 L");
        assertThat(search("q=SÉCATEURS").getList("items.name")).containsExactly("Sécateur de précision");
        assertThat(search("q=arrosoirs").getList("items.name")).hasSize(2);
        assertThat(search("q=noeuds").getList("items.name")).containsExactly("Tuyau d'arrosage anti-vrille");
    }

    @Test
    void searchCoversBrandsSkusTagsAndDescriptions() {
        assertThat(search("q=felco").getList("items.name")).containsExactly("Sécateur de précision");
        assertThat(search("q=TUY-AV-25M").getList("items.name")).containsExactly("Tuyau d'arrosage anti-vrille");
        assertThat(search("q=enfant").getList("items.name")).containsExactly("Arrosoir plastique 5 L");
        assertThat(search("q=italie").getList("items.name")).containsExactly("Pot rond en terre cuite");
        assertThat(search("q=zzzzzz").getInt("total")).isZero();
    }

    @Test
    void resultsAreRankedWithNameMatchesFirst() {
        // "arrosage" is in the name of the hose, and only in tags and descriptions of the watering cans.
        assertThat(search("q=arrosage").getList("items.name")).first().isEqualTo("Tuyau d'arrosage anti-vrille");
    }

    @Test
    void filtersCombineWithSearchAndFacetsCountTheFilteredSet() {
        JsonPath page = search("q=arrosoir&category=" + watering + "&priceMax=10&sort=price");
        assertThat(page.getList("items.name")).containsExactly("Arrosoir plastique 5 L");
        assertThat(page.getInt("total")).isEqualTo(1);

        JsonPath all = search("category=" + watering + "&size=2&sort=name");
        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(all.getList("items")).hasSize(2);
        assertThat(all.getList("items.name")).containsExactly("Arrosoir métal galvanisé 10 L", "Arrosoir plastique 5 L");
        // Facets count the whole filtered set, not the page; categories include their sub-categories.
        assertThat(categoryCount(all, watering)).isEqualTo(3);
        assertThat(categoryCount(all, cans)).isEqualTo(2);
        assertThat(categoryCount(all, hoses)).isEqualTo(1);
        assertThat(categoryCount(all, pots)).isZero();
        assertThat(all.getMap("facets.tags.find { it.value == 'arrosage' }")).containsEntry("count", 3);
        assertThat(all.getMap("facets.tags.find { it.value == 'enfant' }")).containsEntry("count", 1);
        assertThat(all.getList("facets.options.name")).containsExactly("Couleur", "Longueur");
        assertThat(all.getList("facets.options.find { it.name == 'Longueur' }.values.value"))
                .containsExactlyInAnyOrder("15 m", "25 m", "50 m");
        assertThat(all.getFloat("facets.price.min")).isEqualTo(7.5f);
        assertThat(all.getFloat("facets.price.max")).isEqualTo(34.9f);

        JsonPath red = search("tag=arrosage&priceMin=7&priceMax=8");
        assertThat(red.getList("items.name")).containsExactly("Arrosoir plastique 5 L");
        JsonPath potsPage = search("category=" + pots);
        assertThat(potsPage.getMap("facets.options.find { it.name == 'Couleur' }.values.find { it.value == 'Rouge' }"))
                .containsEntry("count", 1);
    }

    @Test
    void sortsByNamePriceAndNewest() {
        assertThat(search("sort=price").getList("items.name")).first().isEqualTo("Arrosoir plastique 5 L");
        assertThat(search("sort=-price").getList("items.name")).first().isEqualTo("Sécateur de précision");
        assertThat(search("sort=-name").getList("items.name")).first().isEqualTo("Tuyau d'arrosage anti-vrille");
        assertThat(search("sort=newest").getList("items.name")).first().isEqualTo("Sécateur de précision");
        assertThat(search("sort=name").getList("items.name")).containsExactly("Arrosoir métal galvanisé 10 L",
                "Arrosoir plastique 5 L", "Pot rond en terre cuite", "Sécateur de précision", "Tuyau d'arrosage anti-vrille");
    }

    @Test
    void theCategoryProductsEndpointIncludesSubCategories() {
        assertThat(shop.call().get("/api/v1/categories/" + watering + "/products").then().statusCode(200)
                .extract().jsonPath().getInt("total")).isEqualTo(3);
        shop.call().get("/api/v1/categories/" + UUID.randomUUID() + "/products").then().statusCode(404);
    }

    @Test
    void tagsAreListedWithTheirCounts() {
        JsonPath tags = shop.call().get("/api/v1/tags").then().statusCode(200).extract().jsonPath();
        assertThat(tags.getList("value")).containsExactly("arrosage", "enfant", "métal", "taille", "terre cuite");
        assertThat(tags.getList("count", Integer.class)).containsExactly(3, 1, 1, 1, 1);
    }

    @Test
    void aListCostsTheSameFewQueriesWhateverItsSize() {
        int small = statements("/api/v1/products?size=1&q=arrosoir&category=" + watering + "&sort=name");
        int large = statements("/api/v1/products?size=50&q=arrosoir&category=" + watering + "&sort=name");
        int facetless = statements("/api/v1/products?size=50&facets=false");
        assertThat(large).isEqualTo(small);
        // the tenant setting + the page, total and facets + the products with their variants and images
        // + what inventory has available of those variants
        assertThat(large).isEqualTo(4);
        assertThat(facetless).isEqualTo(4);
    }

    @Test
    void aProductCostsTheSameFewQueriesWhateverItsVariants() {
        String many = shop.call().get("/api/v1/products?q=pot").then().extract().path("items[0].id");
        String one = shop.call().get("/api/v1/products?q=felco").then().extract().path("items[0].id");
        // the tenant setting + the product with its variants and images + what is available of them
        assertThat(statements("/api/v1/products/" + many)).isEqualTo(statements("/api/v1/products/" + one))
                .isEqualTo(3);
    }

    @Test
    void aRepeatedListIsServedFromTheCacheUntilTheCatalogChanges() {
        String path = "/api/v1/products?q=pot&sort=name";
        assertThat(statements(path)).isPositive();
        assertThat(statements(path)).isZero();
        String id = shop.call().get(path).then().extract().path("items[0].id");
        shop.call().body(java.util.Map.of("status", "ARCHIVED")).patch("/api/v1/products/" + id + "/status")
                .then().statusCode(200);
        assertThat(shop.call().get(path).then().extract().jsonPath().getString("items[0].status")).isEqualTo("ARCHIVED");
        // Another tenant never sees this tenant's cached list.
        CatalogApi other = CatalogApi.newShop(port);
        assertThat(other.call().get(path).then().extract().jsonPath().getInt("total")).isZero();
    }

    private int statements(String path) {
        String requestId = "sql-" + UUID.randomUUID();
        shop.call().header("X-Request-Id", requestId).get(path).then().statusCode(200);
        return sql.statements(requestId);
    }

    private static int categoryCount(JsonPath page, String id) {
        Map<String, Object> facet = page.getMap("facets.categories.find { it.id == '" + id + "' }");
        return facet == null ? 0 : ((Number) facet.get("count")).intValue();
    }
}
