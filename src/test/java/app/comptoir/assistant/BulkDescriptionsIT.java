package app.comptoir.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Bulk description generation through real HTTP: a background job over a selection of products with the built-in
 * writer, its progress up to the total, the product it could not describe listed with its problem, a second pass
 * served by the cache, another business's job invisible, and the refusals.
 */
@IntegrationTest
class BulkDescriptionsIT {

    @LocalServerPort
    int port;

    private String product(Account admin, String name, int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("brand", "Verdure");
        body.put("vatRate", 20);
        body.put("variants", List.of(Map.of("sku", "BULK-" + i, "price", new BigDecimal("4.50"))));
        return Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    private JsonPath finished(Account account, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, account).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    @Test
    void aSelectionIsDescribedInTheBackgroundWithItsProgressAndTheSecondPassComesFromTheCache() {
        Account admin = Api.newBusiness(port, "Graines en gros");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(product(admin, "Sachet de graines n°" + i, i));
        }
        String unknown = UUID.randomUUID().toString();
        List<String> selection = new ArrayList<>(ids);
        selection.add(unknown);
        Map<String, Object> body = Map.of("productIds", selection, "tone", "formal", "length", "short",
                "language", "fr");

        JsonPath started = Api.as(port, admin).body(body).post("/api/v1/ai/descriptions/bulk").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")).extract().jsonPath();
        assertThat(started.getString("kind")).isEqualTo("assistant-descriptions");
        JsonPath done = finished(admin, started.getString("id"));

        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("total")).isEqualTo(13);
        assertThat(done.getInt("done")).isEqualTo(13);
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(done.getInt("result.requested")).isEqualTo(13);
        assertThat(done.getInt("result.written")).isEqualTo(12);
        assertThat(done.getInt("result.fromCache")).isZero();
        assertThat(done.getList("result.descriptions.productId", String.class)).containsExactlyElementsOf(ids);
        assertThat(done.getList("result.descriptions.provider", String.class)).containsOnly("builtin");
        assertThat(done.getString("result.descriptions[3].description")).contains("Sachet de graines n°3");
        assertThat(done.getList("result.failed.productId", String.class)).containsExactly(unknown);
        assertThat(done.getString("result.failed[0].problem")).isEqualTo("not-found");

        // the same selection again, in another order: every text from the cache
        List<String> again = new ArrayList<>(ids);
        Collections.reverse(again);
        String second = Api.as(port, admin).body(Map.of("productIds", again, "tone", "formal", "length", "short",
                "language", "fr")).post("/api/v1/ai/descriptions/bulk").then().statusCode(202).extract().path("id");
        JsonPath cached = finished(admin, second);
        assertThat(cached.getInt("result.fromCache")).isEqualTo(12);
        assertThat(cached.getList("result.descriptions.cached", Boolean.class)).containsOnly(true);

        Account other = Api.newBusiness(port, "Autres graines");
        Api.as(port, other).get("/api/v1/jobs/" + second).then().spec(Api.problem(404, "not-found"));
        String theirs = Api.as(port, other).body(Map.of("productIds", List.of(ids.getFirst())))
                .post("/api/v1/ai/descriptions/bulk").then().statusCode(202).extract().path("id");
        JsonPath refused = finished(other, theirs);
        assertThat(refused.getInt("result.written")).isZero();
        assertThat(refused.getString("result.failed[0].problem")).isEqualTo("not-found");
    }

    @Test
    void aBadSelectionIsAProblemDetail() {
        Account admin = Api.newBusiness(port, "Graines refusées");
        Api.as(port, admin).body(Map.of("productIds", List.of())).post("/api/v1/ai/descriptions/bulk").then()
                .spec(Api.problem(400, "validation"));
        Api.as(port, admin).body(Map.of("tone", "formal")).post("/api/v1/ai/descriptions/bulk").then()
                .spec(Api.problem(400, "validation"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(UUID.randomUUID().toString());
        }
        Api.as(port, admin).body(Map.of("productIds", many)).post("/api/v1/ai/descriptions/bulk").then()
                .spec(Api.problem(400, "validation"));
        Api.as(port, admin).body(Map.of("productIds", List.of(UUID.randomUUID().toString()), "tone", "grumpy"))
                .post("/api/v1/ai/descriptions/bulk").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(port, admin).body(Map.of("productIds", List.of("pas-un-id")))
                .post("/api/v1/ai/descriptions/bulk").then().statusCode(400).contentType("application/problem+json");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Api.as(port, viewer).body(Map.of("productIds", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/ai/descriptions/bulk").then().spec(Api.problem(403, "forbidden"));
    }
}
