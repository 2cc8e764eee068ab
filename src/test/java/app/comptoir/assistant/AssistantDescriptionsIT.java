package app.comptoir.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Product descriptions through real HTTP and the real security chain: the built-in writer without a provider,
 * an OpenAI-compatible or Ollama provider (a local fake speaking their protocols) set for one business with its
 * key kept secret, the token and cost counters, the cache (a second pass over the garden shop's products, an
 * edited product), one business's cache and settings invisible to another, and the refusals.
 */
@IntegrationTest
class AssistantDescriptionsIT {

    private static final FakeModelServer MODEL = new FakeModelServer();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    private String product(Account admin, String name, String sku) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("brand", "Verdure");
        body.put("vatRate", 20);
        body.put("tags", List.of("balcon"));
        body.put("options", List.of(Map.of("name", "Couleur", "values", List.of("Vert", "Gris"))));
        body.put("variants", List.of(
                Map.of("sku", sku + "-V", "price", new BigDecimal("12.90"), "options", Map.of("Couleur", "Vert")),
                Map.of("sku", sku + "-G", "price", new BigDecimal("14.90"), "options", Map.of("Couleur", "Gris"))));
        return Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    private JsonPath describe(Account account, Map<String, Object> body) {
        return Api.as(port, account).body(body).post("/api/v1/ai/descriptions").then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath stats(Account account) {
        return Api.as(port, account).get("/api/v1/ai/cache-stats").then().statusCode(200).extract().jsonPath();
    }

    private void useOpenAi(Account admin, String key) {
        Api.as(port, admin).body(Map.of("provider", "openai", "model", "gpt-test", "baseUrl", MODEL.openAiBase(),
                        "apiKey", key, "pricePer1kInputTokens", new BigDecimal("0.5"),
                        "pricePer1kOutputTokens", new BigDecimal("1.5")))
                .put("/api/v1/ai/settings").then().statusCode(200);
    }

    @Test
    void withoutAProviderTheBuiltInWriterAnswersAndTheSecondAskIsCached() {
        Account admin = Api.newBusiness(port, "Sans modèle");
        String id = product(admin, "Arrosoir Balcon", "ARR-B");

        JsonPath first = describe(admin, Map.of("productId", id, "tone", "formal", "length", "short", "language", "fr"));
        JsonPath again = describe(admin, Map.of("productId", id, "tone", "formal", "length", "short", "language", "fr"));
        JsonPath english = describe(admin, Map.of("productId", id, "tone", "formal", "length", "long", "language", "en"));

        assertThat(first.getString("provider")).isEqualTo("builtin");
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(first.getInt("tokens")).isZero();
        assertThat(first.getString("description")).startsWith("Nous vous présentons Arrosoir Balcon");
        assertThat(again.getBoolean("cached")).isTrue();
        assertThat(again.getString("description")).isEqualTo(first.getString("description"));
        assertThat(english.getString("description")).startsWith("We are pleased to present Arrosoir Balcon")
                .contains("Specifications:");
        JsonPath stats = stats(admin);
        assertThat(stats.getLong("hits")).isEqualTo(1);
        assertThat(stats.getLong("misses")).isEqualTo(2);
        assertThat(stats.getLong("entries")).isEqualTo(2);
        Api.as(port, admin).get("/api/v1/ai/settings").then().statusCode(200)
                .body("effectiveProvider", org.hamcrest.Matchers.equalTo("builtin"));
    }

    @Test
    void aProviderWritesTheDescriptionWithItsTokensAndCostAndTheCounterGrows() {
        Account admin = Api.newBusiness(port, "Avec modèle");
        String id = product(admin, "Sécateur Pro", "SEC-P");
        useOpenAi(admin, "sk-test-secret-4321");
        JsonPath settings = Api.as(port, admin).get("/api/v1/ai/settings").then().statusCode(200).extract().jsonPath();
        assertThat(settings.getString("effectiveProvider")).isEqualTo("openai");
        assertThat(settings.getBoolean("apiKeySet")).isTrue();
        assertThat(settings.getString("apiKeyHint")).isEqualTo("…4321");
        assertThat(settings.prettify()).doesNotContain("sk-test-secret");
        MODEL.then(FakeModelServer.Reply.text("Un sécateur précis pour tailler vos rosiers.", 120, 45),
                FakeModelServer.Reply.text("Tailler devient un jeu !", 100, 20));
        int before = MODEL.received().size();

        JsonPath first = describe(admin, Map.of("productId", id, "tone", "friendly", "length", "medium"));
        JsonPath fun = describe(admin, Map.of("productId", id, "tone", "fun", "length", "short"));
        JsonPath cached = describe(admin, Map.of("productId", id, "tone", "friendly", "length", "medium"));

        assertThat(first.getString("description")).isEqualTo("Un sécateur précis pour tailler vos rosiers.");
        assertThat(first.getString("provider")).isEqualTo("openai");
        assertThat(first.getString("model")).isEqualTo("gpt-test");
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(first.getInt("tokensIn")).isEqualTo(120);
        assertThat(first.getInt("tokensOut")).isEqualTo(45);
        assertThat(first.getInt("tokens")).isEqualTo(165);
        // 120 × 0.5 / 1000 + 45 × 1.5 / 1000
        assertThat(new BigDecimal(first.getString("cost"))).isEqualByComparingTo("0.1275");
        assertThat(fun.getString("description")).isEqualTo("Tailler devient un jeu !");
        assertThat(cached.getBoolean("cached")).isTrue();
        assertThat(cached.getInt("tokens")).isZero();
        assertThat(cached.getString("description")).isEqualTo(first.getString("description"));

        List<FakeModelServer.Received> calls = MODEL.received().subList(before, MODEL.received().size());
        assertThat(calls).hasSize(2);
        assertThat(calls.getFirst().path()).isEqualTo("/v1/chat/completions");
        assertThat(calls.getFirst().authorization()).isEqualTo("Bearer sk-test-secret-4321");
        assertThat(calls.getFirst().body().path("model").asString()).isEqualTo("gpt-test");
        assertThat(calls.getFirst().message("user")).contains("name: Sécateur Pro").contains("brand: Verdure")
                .contains("available Couleur: Vert, Gris").contains("price: from 12.90 to 14.90 EUR");
        assertThat(calls.getFirst().message("system")).contains("French").contains("friendly");

        JsonPath usage = Api.as(port, admin).get("/api/v1/ai/settings").then().statusCode(200).extract()
                .jsonPath();
        assertThat(usage.getLong("usage.tokensIn")).isEqualTo(220);
        assertThat(usage.getLong("usage.tokensOut")).isEqualTo(65);
        assertThat(new BigDecimal(usage.getString("usage.cost"))).isEqualByComparingTo("0.2075");
        JsonPath stats = stats(admin);
        assertThat(stats.getLong("tokensSaved")).isEqualTo(165);
        assertThat(new BigDecimal(stats.getString("costSaved"))).isEqualByComparingTo("0.1275");
    }

    @Test
    void ollamaIsSpokenToThroughItsChatProtocol() {
        Account admin = Api.newBusiness(port, "Ollama");
        String id = product(admin, "Terreau Universel", "TER-U");
        Api.as(port, admin).body(Map.of("provider", "ollama", "model", "llama3.2", "baseUrl", MODEL.ollamaBase()))
                .put("/api/v1/ai/settings").then().statusCode(200);
        MODEL.then(FakeModelServer.Reply.text("Un terreau riche pour tout le jardin.", 80, 30));
        int before = MODEL.received().size();

        JsonPath answer = describe(admin, Map.of("productId", id, "language", "fr"));

        assertThat(answer.getString("description")).isEqualTo("Un terreau riche pour tout le jardin.");
        assertThat(answer.getString("provider")).isEqualTo("ollama");
        assertThat(answer.getInt("tokens")).isEqualTo(110);
        FakeModelServer.Received call = MODEL.received().get(before);
        assertThat(call.path()).isEqualTo("/api/chat");
        assertThat(call.body().path("model").asString()).isEqualTo("llama3.2");
    }

    @Test
    void aProviderThatKeepsFailingGivesA503AndNothingIsCachedOrCharged() {
        Account admin = Api.newBusiness(port, "Panne");
        String id = product(admin, "Bêche", "BEC");
        useOpenAi(admin, "sk-test-failing-0000");
        MODEL.then(FakeModelServer.Reply.failure(500), FakeModelServer.Reply.failure(500),
                FakeModelServer.Reply.failure(500));

        Api.as(port, admin).body(Map.of("productId", id)).post("/api/v1/ai/descriptions")
                .then().spec(Api.problem(503, "assistant-provider-unavailable"));

        assertThat(stats(admin).getLong("misses")).isZero();
        assertThat(stats(admin).getLong("entries")).isZero();
        Api.as(port, admin).get("/api/v1/ai/settings").then().body("usage.tokensIn", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aVariantsDescriptionNamesItsOptionsAndMustBelongToTheProductNamed() {
        Account admin = Api.newBusiness(port, "Variante");
        String id = product(admin, "Pot Toscane", "POT-V");
        String other = product(admin, "Jardinière", "JAR-V");
        String grey = Api.as(port, admin).get("/api/v1/products/" + id).then().statusCode(200).extract()
                .path("variants.find { it.sku == 'POT-V-G' }.id");

        JsonPath answer = describe(admin, Map.of("variantId", grey, "length", "medium", "language", "fr"));

        assertThat(answer.getString("description")).contains("Ce modèle : couleur Gris").contains("14,90")
                .doesNotContain("Vert");
        Api.as(port, admin).body(Map.of("productId", other, "variantId", grey)).post("/api/v1/ai/descriptions")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("variantId"));
    }

    @Test
    void aSecondPassOverAHundredProductsOfTheGardenShopIsServedFromTheCache() {
        Account manager = new Account(null, "jardin-des-lilas", null, "manager@jardin-des-lilas.demo",
                Api.DEMO_PASSWORD, Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD), null);
        List<String> ids = Api.as(port, manager).get("/api/v1/products?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(ids).hasSize(100);
        Map<String, Object> request = new HashMap<>(Map.of("platform", "vinted", "tone", "fun", "length", "long"));

        for (String id : ids) {
            request.put("productId", id);
            describe(manager, request);
        }
        JsonPath afterFirst = stats(manager);
        for (String id : ids) {
            request.put("productId", id);
            describe(manager, request);
        }
        JsonPath afterSecond = stats(manager);

        long hits = afterSecond.getLong("hits") - afterFirst.getLong("hits");
        long misses = afterSecond.getLong("misses") - afterFirst.getLong("misses");
        assertThat(hits + misses).isEqualTo(100);
        assertThat((double) hits / (hits + misses)).as("hit rate of the second pass").isGreaterThan(0.70);
        assertThat(afterSecond.getDouble("hitRate")).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void editingAProductsAttributesMissesTheCache() {
        Account admin = Api.newBusiness(port, "Modifié");
        String id = product(admin, "Tuyau 15 m", "TUY");
        Map<String, Object> request = Map.of("productId", id, "tone", "friendly", "length", "medium");
        String before = describe(admin, request).getString("description");
        assertThat(describe(admin, request).getBoolean("cached")).isTrue();

        Map<String, Object> product = Api.as(port, admin).get("/api/v1/products/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        product.put("tags", List.of("balcon", "arrosage"));
        product.put("brand", "Hydro");
        Api.as(port, admin).body(product).put("/api/v1/products/" + id).then().statusCode(200);
        JsonPath after = describe(admin, request);

        assertThat(after.getBoolean("cached")).isFalse();
        assertThat(after.getString("description")).isNotEqualTo(before).contains("Hydro");
    }

    @Test
    void anotherBusinessNeverSeesThisBusinesssCacheNorSettings() {
        Account mine = Api.newBusiness(port, "Mien");
        Account theirs = Api.newBusiness(port, "Sien");
        String id = product(mine, "Pot Toscane", "POT-T");
        useOpenAi(mine, "sk-test-private-9999");
        describe(mine, Map.of("productId", id));

        Api.as(port, theirs).body(Map.of("productId", id)).post("/api/v1/ai/descriptions")
                .then().spec(Api.problem(404, "not-found"));
        JsonPath stats = stats(theirs);
        assertThat(stats.getLong("hits") + stats.getLong("misses") + stats.getLong("entries")).isZero();
        JsonPath settings = Api.as(port, theirs).get("/api/v1/ai/settings").then().statusCode(200).extract().jsonPath();
        assertThat(settings.getString("effectiveProvider")).isEqualTo("builtin");
        assertThat(settings.getBoolean("apiKeySet")).isFalse();
        assertThat(settings.getLong("usage.tokensIn")).isZero();
    }

    @Test
    void badRequestsAreRefusedWithTheirFieldsAndOnlyCatalogEditorsGenerate() {
        Account admin = Api.newBusiness(port, "Refus");
        String id = product(admin, "Râteau", "RAT");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Account driver = Api.newUser(port, admin, "DRIVER");
        Account manager = Api.newUser(port, admin, "MANAGER");

        Api.as(port, admin).body(Map.of()).post("/api/v1/ai/descriptions").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("productId"));
        Api.as(port, admin).body(Map.of("productId", id, "tone", "grumpy")).post("/api/v1/ai/descriptions")
                .then().statusCode(400).body("errors.field", hasItem("tone"));
        Api.as(port, admin).body(Map.of("productId", java.util.UUID.randomUUID())).post("/api/v1/ai/descriptions")
                .then().spec(Api.problem(404, "not-found"));
        Api.as(port, admin).body(Map.of("provider", "openai")).put("/api/v1/ai/settings")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("model"))
                .body("errors.field", hasItem("baseUrl"));
        // A business's provider never makes the server call the cloud's metadata service (nor, in production, its own
        // network: the tests allow private addresses for their fake model servers).
        Api.as(port, admin).body(Map.of("provider", "openai", "model", "gpt-test",
                        "baseUrl", "https://169.254.169.254/latest/meta-data")).put("/api/v1/ai/settings")
                .then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("baseUrl"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString(
                        "which a business's assistant provider may not call")));
        Api.as(port, viewer).body(Map.of("productId", id)).post("/api/v1/ai/descriptions").then().statusCode(403);
        Api.as(port, driver).body(Map.of("productId", id)).post("/api/v1/ai/descriptions").then().statusCode(403);
        Api.as(port, manager).get("/api/v1/ai/settings").then().statusCode(403);
        assertThat(describe(manager, Map.of("productId", id)).getString("provider")).isEqualTo("builtin");
        Api.as(port, viewer).get("/api/v1/ai/cache-stats").then().statusCode(200);
    }
}
