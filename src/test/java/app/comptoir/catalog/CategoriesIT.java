package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

@IntegrationTest
class CategoriesIT {

    @LocalServerPort
    int port;

    @Test
    void theTreeListsCategoriesInOrderWithProductCountsIncludingSubCategories() {
        CatalogApi shop = CatalogApi.newShop(port);
        String garden = shop.createCategory("Jardin", null);
        String tools = shop.createCategory("Outillage", garden);
        String watering = shop.createCategory("Arrosage", garden);
        String house = shop.createCategory("Maison", null);
        Map<String, Object> spade = simple("Bêche", "BECHE", "30");
        spade.put("categoryId", tools);
        shop.create(spade);

        JsonPath tree = shop.call().get("/api/v1/categories/all").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("name")).containsExactly("Jardin", "Maison");
        assertThat(tree.getList("[0].children.name")).containsExactly("Outillage", "Arrosage");
        assertThat(tree.getInt("[0].productCount")).isEqualTo(1);
        assertThat(tree.getInt("[0].children[0].productCount")).isEqualTo(1);
        assertThat(tree.getInt("[1].productCount")).isZero();

        shop.call().get("/api/v1/categories/" + tools).then().statusCode(200)
                .body("path", equalTo("Jardin > Outillage")).body("parentId", equalTo(garden)).body("position", equalTo(0));
        shop.call().get("/api/v1/categories?parentId=" + garden).then().statusCode(200)
                .body("total", equalTo(2)).body("items[1].id", equalTo(watering));
        shop.call().get("/api/v1/categories?topLevel=true").then().body("items.id", org.hamcrest.Matchers.contains(garden, house));
        shop.call().get("/api/v1/categories?q=arro").then().body("items.name", org.hamcrest.Matchers.contains("Arrosage"));
    }

    @Test
    void siblingsAreReorderedInOneCall() {
        CatalogApi shop = CatalogApi.newShop(port);
        String a = shop.createCategory("A", null);
        String b = shop.createCategory("B", null);
        String c = shop.createCategory("C", null);
        shop.call().body(Map.of("orderedIds", List.of(c, a, b))).post("/api/v1/categories/reorder").then()
                .statusCode(200).body("name", org.hamcrest.Matchers.contains("C", "A", "B"));
        assertThat(shop.call().get("/api/v1/categories/all").then().extract().jsonPath().getList("name"))
                .containsExactly("C", "A", "B");
        // Every sibling must be named exactly once.
        shop.call().body(Map.of("orderedIds", List.of(c, a))).post("/api/v1/categories/reorder").then()
                .statusCode(400).body("errors[0].field", equalTo("orderedIds"));
    }

    @Test
    void aCategoryMovesUnderAnotherButNeverUnderItsOwnDescendant() {
        CatalogApi shop = CatalogApi.newShop(port);
        String parent = shop.createCategory("Parent", null);
        String child = shop.createCategory("Enfant", parent);
        String other = shop.createCategory("Autre", null);
        shop.call().body(Map.of("name", "Parent", "parentId", child)).put("/api/v1/categories/" + parent)
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        shop.call().body(Map.of("name", "Enfant renommé", "parentId", other)).put("/api/v1/categories/" + child)
                .then().statusCode(200).body("path", equalTo("Autre > Enfant renommé"));
        Map<String, Object> toTop = new java.util.HashMap<>();
        toTop.put("name", "Enfant renommé");
        toTop.put("parentId", null);
        toTop.put("position", 0);
        shop.call().body(toTop).put("/api/v1/categories/" + child).then().statusCode(200)
                .body("parentId", equalTo(null)).body("position", equalTo(0));
        assertThat(shop.call().get("/api/v1/categories/all").then().extract().jsonPath().getList("name"))
                .containsExactly("Enfant renommé", "Parent", "Autre");
    }

    @Test
    void siblingNamesAreUnique() {
        CatalogApi shop = CatalogApi.newShop(port);
        String parent = shop.createCategory("Pots", null);
        shop.createCategory("Terre cuite", parent);
        shop.call().body(Map.of("name", "terre CUITE", "parentId", parent)).post("/api/v1/categories").then()
                .statusCode(409).body("type", endsWith("/category-name-taken"));
        shop.createCategory("Terre cuite", null);
    }

    @Test
    void aCategoryWithProductsOrSubCategoriesCannotBeDeleted() {
        CatalogApi shop = CatalogApi.newShop(port);
        String parent = shop.createCategory("Outils", null);
        String child = shop.createCategory("Sécateurs", parent);
        Map<String, Object> body = simple("Sécateur", "SEC", "20");
        body.put("categoryId", child);
        String product = shop.create(body).path("id");

        shop.call().delete("/api/v1/categories/" + child).then().statusCode(409)
                .body("type", endsWith("/category-not-empty"))
                .body("detail", containsString("1 product"));
        shop.call().delete("/api/v1/categories/" + parent).then().statusCode(409)
                .body("type", endsWith("/category-has-children"));

        // Once its only product is deleted, the category can go.
        shop.call().delete("/api/v1/products/" + product).then().statusCode(204);
        shop.call().delete("/api/v1/categories/" + child).then().statusCode(204);
        shop.call().get("/api/v1/categories/" + child).then().statusCode(404);
        shop.call().delete("/api/v1/categories/" + parent).then().statusCode(204);
    }

    @Test
    void aProductCannotUseAnotherTenantsCategory() {
        CatalogApi mine = CatalogApi.newShop(port);
        CatalogApi theirs = CatalogApi.newShop(port);
        String theirCategory = theirs.createCategory("Secret", null);
        Map<String, Object> body = simple("Produit", "P-1", "1");
        body.put("categoryId", theirCategory);
        mine.call().body(body).post("/api/v1/products").then().statusCode(400).body("errors[0].field", equalTo("categoryId"));
        mine.call().get("/api/v1/categories/" + theirCategory).then().statusCode(404);
        mine.call().delete("/api/v1/categories/" + theirCategory).then().statusCode(404);
    }
}
