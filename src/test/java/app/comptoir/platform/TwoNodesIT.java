package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * Two application nodes on one PostgreSQL, each over real HTTP: node A is the suite's application, node B a second
 * one started beside it (its own connection pool, caches and web server). A token issued by one is accepted by the
 * other; orders confirmed on both at once never sell more than the stock; what one node changes, the other's caches
 * forget a moment after the commit (PostgreSQL LISTEN/NOTIFY), well before their own windows would have let it show.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    /** Far above the documented delay (1 s), below every window a cache would otherwise keep a stale answer. */
    private static final Duration WITHIN = Duration.ofSeconds(4);

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    private SecondNode nodeB;
    private int b;

    @BeforeAll
    void startSecondNode() throws Exception {
        // Node B keeps product lists for 10 minutes: only a notification from A can make it show A's new product.
        nodeB = SecondNode.beside(context, Map.of("comptoir.catalog.list-cache-ttl", "10m"));
        b = nodeB.port();
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.bean(CacheEvictions.class).listening()
                && context.getBean(CacheEvictions.class).listening());
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aTokenIssuedByOneNodeIsAcceptedByTheOther() {
        Account owner = Api.newBusiness(a, "Deux noeuds jeton");
        Api.as(b, owner).get("/api/v1/tenant").then().statusCode(200).body("id", equalTo(owner.tenantId().toString()));

        String fromB = Api.token(b, owner.email(), owner.password());
        Api.as(a, fromB).get("/api/v1/tenant").then().statusCode(200).body("name", startsWith("Deux noeuds jeton"));
        Api.as(b, "not-a-token").get("/api/v1/tenant").then().statusCode(401);
    }

    @Test
    void ordersConfirmedOnBothNodesAtOnceNeverSellMoreThanTheStock() throws Exception {
        Account owner = Api.newBusiness(a, "Deux noeuds stock");
        String variant = Api.as(a, owner).body(Map.of("name", "Dernier bulbe", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "DERNIER-1", "price", new BigDecimal("3.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(a, owner).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 10))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            orders.add(Api.as(a, owner).body(Map.of("customer", Map.of("name", "Client " + i, "phone", "06 12 34 56 78"),
                            "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                    .post("/api/v1/orders").then().statusCode(201).extract().path("id"));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < orders.size(); i++) {
                int node = i % 2 == 0 ? a : b;
                String order = orders.get(i);
                answers.add(clients.submit(() -> {
                    start.await();
                    return Api.as(node, owner).post("/api/v1/orders/" + order + "/confirm").statusCode();
                }));
            }
            start.countDown();
        }

        int confirmed = 0;
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isIn(200, 409);
            confirmed += answer.get() == 200 ? 1 : 0;
        }
        assertThat(confirmed).isEqualTo(10);
        for (int node : new int[] {a, b}) {
            JsonPath level = Api.as(node, owner).get("/api/v1/stocks/" + variant).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(level.getInt("onHand")).isEqualTo(10);
            assertThat(level.getInt("reserved")).isEqualTo(10);
            assertThat(level.getInt("available")).isZero();
        }
    }

    @Test
    void businessSettingsChangedOnOneNodeShowOnTheOtherAtOnce() {
        Account owner = Api.newBusiness(a, "Ancien nom");
        // B remembers the profile (for 30 s without a notification); sign-up makes the name unique with a suffix
        Api.as(b, owner).get("/api/v1/tenant").then().statusCode(200).body("name", startsWith("Ancien nom"));

        Api.as(a, owner).body(Map.of("name", "Nouveau nom", "slug", owner.tenantSlug(), "currency", "EUR",
                        "locale", "fr", "timezone", "Europe/Paris", "enabledModules", List.of("CATALOG", "SALES")))
                .put("/api/v1/tenant").then().statusCode(200);

        await().atMost(WITHIN).untilAsserted(() -> Api.as(b, owner).get("/api/v1/tenant").then().statusCode(200)
                .body("name", equalTo("Nouveau nom")));
    }

    @Test
    void aProductCreatedOnOneNodeShowsInTheOthersCachedList() {
        Account owner = Api.newBusiness(a, "Deux noeuds catalogue");
        createProduct(owner, a, "Rosier");
        Api.as(b, owner).get("/api/v1/products").then().statusCode(200).body("total", equalTo(1));

        createProduct(owner, a, "Tulipe");

        await().atMost(WITHIN).untilAsserted(() -> Api.as(b, owner).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(2)));
    }

    @Test
    void aUserDisabledOnOneNodeIsRefusedByTheOtherAtOnce() {
        Account owner = Api.newBusiness(a, "Deux noeuds comptes");
        Account clerk = Api.newUser(a, owner, "VIEWER");
        // B remembers the clerk's account as live (for 5 s without a notification)
        Api.as(b, clerk).get("/api/v1/tenant").then().statusCode(200);

        Api.as(a, owner).body(Map.of("enabled", false)).patch("/api/v1/users/" + clerk.userId() + "/status")
                .then().statusCode(200);

        await().atMost(WITHIN).untilAsserted(() -> Api.as(b, clerk).get("/api/v1/tenant").then().statusCode(401));
    }

    private void createProduct(Account owner, int node, String name) {
        Api.as(node, owner).body(Map.of("name", name, "vatRate", 20,
                        "variants", List.of(Map.of("sku", name.toUpperCase(), "price", new BigDecimal("5.00")))))
                .post("/api/v1/products").then().statusCode(201);
    }
}
