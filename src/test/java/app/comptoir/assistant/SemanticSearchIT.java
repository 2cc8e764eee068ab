package app.comptoir.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Semantic search through real HTTP and the real security chain, with embeddings computed by the real
 * all-MiniLM-L6-v2 model inside the application: a product's nearest products are of its kind, the hybrid search
 * finds the garden shop's small watering cans for "arrosoir pour balcon", the embeddings follow the catalog's changes,
 * one business never sees another's products, and bad input is a problem detail.
 */
@IntegrationTest
class SemanticSearchIT {

    @LocalServerPort
    int port;

    private String product(Account admin, String name, String category, String description, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("vatRate", 20);
        body.put("tags", tags);
        body.put("status", "ACTIVE");
        body.put("variants", List.of(Map.of("sku", "SKU-" + Math.abs(name.hashCode()), "price", new BigDecimal("9.90"))));
        return Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    private void embedded(Account account, int products) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, account).get("/api/v1/ai/embeddings").then().statusCode(200).extract()
                        .jsonPath().getLong("embeddedProducts"), n -> n == products);
    }

    private JsonPath similar(RequestSpecification as, String id, int limit) {
        return as.get("/api/v1/ai/products/" + id + "/similar?limit=" + limit).then().statusCode(200).extract()
                .jsonPath();
    }

    private Map<String, String> gardenShelf(Account admin) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("can1", product(admin, "Arrosoir galvanisé 10 L", null,
                "Arrosoir en acier galvanisé avec pomme en laiton pour arroser les fleurs.", List.of("arrosage")));
        ids.put("can2", product(admin, "Arrosoir plastique 5 L", null,
                "Petit arrosoir léger pour le balcon et les plantes d'intérieur.", List.of("arrosage")));
        ids.put("can3", product(admin, "Arrosoir à long bec", null,
                "Arrosoir à long bec pour arroser les semis et les pots.", List.of("arrosage")));
        ids.put("soil1", product(admin, "Terreau universel 40 L", null,
                "Sac de terreau pour rempotage, enrichi en engrais organique.", List.of("terreau")));
        ids.put("soil2", product(admin, "Terreau plantes vertes 20 L", null,
                "Sac de terreau spécial plantes d'intérieur, drainant.", List.of("terreau")));
        ids.put("soil3", product(admin, "Terreau géraniums 50 L", null,
                "Sac de terreau pour géraniums et plantes fleuries.", List.of("terreau")));
        return ids;
    }

    @Test
    void aWateringCansNearestProductsAreWateringCansNotBagsOfSoil() {
        Account admin = Api.newBusiness(port, "Graineterie sémantique");
        Map<String, String> ids = gardenShelf(admin);
        embedded(admin, ids.size());

        JsonPath near = similar(Api.as(port, admin), ids.get("can1"), 5);

        List<String> order = near.getList("product.id", String.class);
        assertThat(order).hasSize(5).doesNotContain(ids.get("can1"));
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(ids.get("can2"), ids.get("can3"));
        List<Double> similarity = near.getList("similarity", Double.class);
        assertThat(similarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(similarity.getFirst()).isLessThanOrEqualTo(1.0);
        assertThat(similarity.get(1)).isGreaterThan(similarity.get(2));

        JsonPath soil = similar(Api.as(port, admin), ids.get("soil1"), 2);
        assertThat(soil.getList("product.id", String.class))
                .containsExactlyInAnyOrder(ids.get("soil2"), ids.get("soil3"));
    }

    @Test
    void theBackOfficeProductPageListsSimilarProductsToEveryRole() {
        Account admin = Api.newBusiness(port, "Graineterie du bureau");
        Map<String, String> ids = gardenShelf(admin);
        embedded(admin, ids.size());
        Account viewer = Api.newUser(port, admin, "VIEWER");
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());

        WebSession.Page page = web.get("/app/catalog/products/" + ids.get("can1"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/app/assistant/products/" + ids.get("can1") + "/similar");

        WebSession.Page list = web.get("/app/assistant/products/" + ids.get("can1") + "/similar");
        assertThat(list.status()).isEqualTo(200);
        String body = list.body();
        int can2 = body.indexOf("data-product-id=\"" + ids.get("can2") + "\"");
        int can3 = body.indexOf("data-product-id=\"" + ids.get("can3") + "\"");
        assertThat(can2).isPositive();
        assertThat(can3).isPositive();
        for (String soil : List.of("soil1", "soil2", "soil3")) {
            int at = body.indexOf("data-product-id=\"" + ids.get(soil) + "\"");
            assertThat(at).isGreaterThan(Math.max(can2, can3));
        }
        assertThat(body).doesNotContain("data-product-id=\"" + ids.get("can1") + "\"");
    }

    @Test
    void theEmbeddingFollowsTheProductWhenItIsRenamedOrDeleted() {
        Account admin = Api.newBusiness(port, "Graineterie changeante");
        Map<String, String> ids = gardenShelf(admin);
        embedded(admin, ids.size());
        String soil = ids.get("soil3");
        JsonPath product = Api.as(port, admin).get("/api/v1/products/" + soil).then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> change = new LinkedHashMap<>(product.getMap(""));
        change.put("name", "Arrosoir de jardin 12 L");
        change.put("description", "Grand arrosoir en plastique pour le potager, avec pomme d'arrosage.");
        change.put("tags", List.of("arrosage"));
        Api.as(port, admin).body(change).put("/api/v1/products/" + soil).then().statusCode(200);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                similar(Api.as(port, admin), ids.get("can1"), 3).getList("product.id", String.class).contains(soil));

        Api.as(port, admin).delete("/api/v1/products/" + ids.get("can3")).then().statusCode(204);
        embedded(admin, ids.size() - 1);
        assertThat(similar(Api.as(port, admin), ids.get("can1"), 10).getList("product.id", String.class))
                .doesNotContain(ids.get("can3"));
    }

    @Test
    void anotherBusinesssProductsNeverAppear() {
        Account mine = Api.newBusiness(port, "Jardinerie A");
        Account other = Api.newBusiness(port, "Jardinerie B");
        Map<String, String> ours = gardenShelf(mine);
        String theirs = product(other, "Arrosoir galvanisé 10 L", null,
                "Arrosoir en acier galvanisé avec pomme en laiton pour arroser les fleurs.", List.of("arrosage"));
        embedded(mine, ours.size());
        embedded(other, 1);

        JsonPath found = Api.as(port, mine).get("/api/v1/ai/search?q=arrosoir galvanisé&limit=50").then()
                .statusCode(200).extract().jsonPath();
        assertThat(found.getList("items.product.id", String.class)).isNotEmpty().doesNotContain(theirs)
                .allMatch(ours::containsValue);
        assertThat(similar(Api.as(port, mine), ours.get("can1"), 50).getList("product.id", String.class))
                .doesNotContain(theirs);
        Api.as(port, mine).get("/api/v1/ai/products/" + theirs + "/similar").then()
                .spec(Api.problem(404, "not-found"));
        assertThat(similar(Api.as(port, other), theirs, 50).getList("product.id", String.class)).isEmpty();
    }

    @Test
    void badInputIsAProblemDetail() {
        Account admin = Api.newBusiness(port, "Jardinerie erreurs");
        Api.as(port, admin).get("/api/v1/ai/search").then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).queryParam("q", "   ").get("/api/v1/ai/search").then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/ai/search?q=" + "a".repeat(201)).then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/ai/search?q=arrosoir&limit=0").then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/ai/search?q=arrosoir&limit=51").then().spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/ai/search?q=arrosoir&limit=beaucoup").then()
                .spec(Api.problem(400, "validation"));
        Api.as(port, admin).get("/api/v1/ai/products/" + java.util.UUID.randomUUID() + "/similar").then()
                .spec(Api.problem(404, "not-found"));
        Api.as(port, admin).get("/api/v1/ai/products/pas-un-id/similar").then().spec(Api.problem(400, "validation"));
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Api.as(port, viewer).post("/api/v1/ai/embeddings/refresh").then().spec(Api.problem(403, "forbidden"));
    }

    @Test
    void theGardenShopFindsSmallWateringCansForArrosoirPourBalcon() {
        String token = Api.token(port, "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        JsonPath started = Api.as(port, token).post("/api/v1/ai/embeddings/refresh").then().statusCode(202)
                .extract().jsonPath();
        assertThat(started.getString("kind")).isEqualTo("assistant-embeddings");
        JsonPath job = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(
                () -> Api.as(port, token).get("/api/v1/jobs/" + started.getString("id")).then().statusCode(200)
                        .extract().jsonPath(),
                j -> !List.of("QUEUED", "RUNNING").contains(j.getString("status")));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        int products = job.getInt("result.products");
        assertThat(products).isGreaterThan(500);
        assertThat(job.getInt("total")).isEqualTo(products);
        assertThat(job.getInt("done")).isEqualTo(products);
        System.out.printf("Embedded %d of %d garden-shop products in %d ms%n", job.getInt("result.embedded"), products,
                job.getLong("result.millis"));

        JsonPath found = Api.as(port, token).get("/api/v1/ai/search?q=arrosoir pour balcon&limit=10").then()
                .statusCode(200).extract().jsonPath();
        List<String> names = found.getList("items.product.name", String.class);
        System.out.println("arrosoir pour balcon → " + names);
        // watering cans first (the small "Balcon" ones), then balcony planters; never soil, hoses or tools
        assertThat(names).hasSizeGreaterThanOrEqualTo(3);
        assertThat(names.subList(0, 3)).allMatch(n -> n.startsWith("Arrosoir") && n.contains("Balcon"));
        assertThat(names).allMatch(n -> n.startsWith("Arrosoir") || n.contains("Balcon"));

        // a second refresh encodes nothing: every product's text is unchanged
        JsonPath again = Api.as(port, token).post("/api/v1/ai/embeddings/refresh").then().statusCode(202)
                .extract().jsonPath();
        JsonPath second = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, token).get("/api/v1/jobs/" + again.getString("id")).then().statusCode(200)
                        .extract().jsonPath(),
                j -> !List.of("QUEUED", "RUNNING").contains(j.getString("status")));
        assertThat(second.getInt("result.embedded")).isZero();
        assertThat(second.getInt("result.unchanged")).isEqualTo(products);
    }
}
