package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The shop's product page recommends through real HTTP: "customers also bought" from the business's sold orders
 * (a cancelled order does not count, another business's orders never), "similar products" from the assistant's
 * embeddings (active products only), and a search whose words find nothing widened by meaning.
 */
@IntegrationTest
class ShopRecommendationsIT {

    @LocalServerPort
    int port;

    private String variant(ShopApi shop, String productId) {
        return shop.call().get("/api/v1/products/" + productId).then().statusCode(200).extract().path("variants[0].id");
    }

    /** A confirmed order sent out (it counts as a sale), or cancelled. */
    private void order(ShopApi shop, boolean cancelled, String... variantIds) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String v : variantIds) {
            lines.add(Map.of("variantId", v, "quantity", 1));
        }
        String id = shop.call().body(Map.of("customer", Map.of("name", "M. Martin", "phone", "0612345678"),
                "lines", lines)).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        if (cancelled) {
            shop.call().post("/api/v1/orders/" + id + "/cancel").then().statusCode(200);
            return;
        }
        for (String status : List.of("PREPARING", "OUT_FOR_DELIVERY")) {
            shop.call().body(Map.of("status", status)).patch("/api/v1/orders/" + id + "/status").then().statusCode(200);
        }
    }

    private static List<String> cards(String html, String section) {
        int start = html.indexOf(section);
        if (start < 0) {
            return List.of();
        }
        String part = html.substring(start, html.indexOf("</section>", start));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("data-product=\"([^\"]+)\"").matcher(part);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private String page(ShopApi shop, String path) {
        return Api.given(port).get("/shop/" + shop.slug() + path).then().statusCode(200).extract().asString();
    }

    @Test
    void aProductPageShowsWhatCustomersAlsoBoughtAndSimilarProducts() {
        ShopApi shop = ShopApi.open(port, "Jardin recommandé", true);
        String can = shop.product("Arrosoir galvanisé 10 L", "R-ARR-10", "24.90", "ACTIVE", null, 50, "arrosage");
        String smallCan = shop.product("Arrosoir plastique 5 L pour balcon", "R-ARR-5", "9.90", "ACTIVE", null, 50,
                "arrosage");
        shop.product("Arrosoir en cuivre collection", "R-ARR-CU", "89.00", "DRAFT", null, 5, "arrosage");
        String soil = shop.product("Terreau universel 40 L", "R-TER-40", "8.90", "ACTIVE", null, 50, "terreau");
        String gloves = shop.product("Gants de jardinage", "R-GAN", "6.50", "ACTIVE", null, 50, "protection");
        String seeds = shop.product("Graines de tomates", "R-GRA", "2.90", "ACTIVE", null, 50, "semences");
        order(shop, false, variant(shop, can), variant(shop, soil));
        order(shop, false, variant(shop, can), variant(shop, soil), variant(shop, gloves));
        order(shop, true, variant(shop, can), variant(shop, seeds));
        ShopApi other = ShopApi.open(port, "Jardin voisin", true);
        String theirCan = other.product("Arrosoir voisin", "V-ARR", "9.90", "ACTIVE", null, 50);
        String theirSeeds = other.product("Graines voisines", "V-GRA", "1.90", "ACTIVE", null, 50);
        order(other, false, variant(other, theirCan), variant(other, theirSeeds));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> shop.call()
                .get("/api/v1/ai/embeddings").then().statusCode(200).extract().jsonPath()
                .getLong("embeddedProducts") == 6);

        String html = page(shop, "/products/" + can);

        assertThat(cards(html, "data-also-bought")).containsExactly("Terreau universel 40 L", "Gants de jardinage");
        List<String> similar = cards(html, "data-similar");
        assertThat(similar).hasSize(4).doesNotContain("Arrosoir galvanisé 10 L", "Arrosoir en cuivre collection",
                "Arrosoir voisin");
        assertThat(similar.getFirst()).isEqualTo("Arrosoir plastique 5 L pour balcon");
        assertThat(cards(page(shop, "/products/" + smallCan), "data-also-bought")).isEmpty();

        // The store API recommends the same, as cards; a product the shop does not sell is a 404.
        io.restassured.path.json.JsonPath api = Api.given(port)
                .get("/api/v1/store/" + shop.slug() + "/products/" + can + "/recommendations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(api.getList("alsoBought.name", String.class))
                .containsExactly("Terreau universel 40 L", "Gants de jardinage");
        assertThat(api.getList("similar.name", String.class)).isEqualTo(similar);
        assertThat(api.getString("similar[0].url")).endsWith("/products/" + smallCan);
        Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/" + theirCan + "/recommendations").then()
                .spec(Api.problem(404, "not-found"));
    }

    @Test
    void aSearchWhoseWordsFindNothingIsWidenedByMeaning() {
        ShopApi shop = ShopApi.open(port, "Jardin élargi", true);
        shop.product("Arrosoir galvanisé 10 L", "E-ARR-10", "24.90", "ACTIVE", null, 50, "arrosage");
        shop.product("Arrosoir plastique 5 L pour balcon", "E-ARR-5", "9.90", "ACTIVE", null, 50, "arrosage");
        shop.product("Terreau universel 40 L", "E-TER-40", "8.90", "ACTIVE", null, 50, "terreau");
        shop.product("Gants de jardinage", "E-GAN", "6.50", "ACTIVE", null, 50, "protection");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> shop.call()
                .get("/api/v1/ai/embeddings").then().statusCode(200).extract().jsonPath()
                .getLong("embeddedProducts") == 4);

        // no product says "bleu": the words find nothing, the meaning finds the balcony watering can
        String words = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?q=arrosoir balcon bleu")
                .then().statusCode(200).extract().asString();
        List<String> found = io.restassured.path.json.JsonPath.from(words).getList("items.name", String.class);
        System.out.println("arrosoir balcon bleu → " + found);
        assertThat(found).isNotEmpty().allMatch(n -> n.startsWith("Arrosoir"));
        assertThat(found.getFirst()).isEqualTo("Arrosoir plastique 5 L pour balcon");
        assertThat(Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?q=zzzz").then().statusCode(200)
                .extract().jsonPath().getLong("total")).isZero();
    }
}
