package app.comptoir.platform;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import redis.embedded.RedisServer;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * Redis stopped and started again on the same port while two nodes (B and C) use it: during the outage every request
 * is answered (caps let requests through, a node's cached list stays as it was); once Redis is back, each node counts
 * in it again on its own (the per-user cap refuses again on either node) and the cache evictions travel again (the
 * subscriber reconnects and subscribes again: what changed meanwhile shows at once, then each new change too).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRestartIT {

    private static final int PER_USER = 20;

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    private RedisServer redis;
    private int redisPort;
    private SecondNode nodeB;
    private SecondNode nodeC;

    @BeforeAll
    void startRedisAndTwoNodes() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = newRedis();
        redis.start();
        Map<String, Object> settings = Map.of(
                "comptoir.redis.url", "redis://127.0.0.1:" + redisPort,
                "comptoir.api.rate-limit.per-business", "1000",
                "comptoir.api.rate-limit.per-user", Integer.toString(PER_USER),
                "comptoir.api.rate-limit.window", "1h",
                "comptoir.catalog.list-cache-ttl", "10m");
        nodeB = SecondNode.beside(context, settings);
        nodeC = SecondNode.beside(context, settings);
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.bean(CacheEvictions.class).listening()
                && nodeC.bean(CacheEvictions.class).listening());
    }

    /** The same Redis each time: same port, nothing saved (a restart starts empty, as a cache's Redis would). */
    private RedisServer newRedis() throws Exception {
        return RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
    }

    @AfterAll
    void stopNodesAndRedis() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeC != null) {
            nodeC.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void redisRestartedWhileTheNodesRunCountsAndCarriesEvictionsAgain() throws Exception {
        Account owner = Api.newBusiness(a, "Redis redemarre");
        RedisLimitsIT.createProduct(owner, nodeC.port(), "Avant");
        Api.as(nodeB.port(), Api.newUser(a, owner, "VIEWER")).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(1));

        redis.stop();

        // During the outage: a write goes through; every list is answered, C's with its own write, B's from its
        // cache, which nothing can evict now; the caps let everything through (more requests than the cap).
        RedisLimitsIT.createProduct(owner, nodeC.port(), "Pendant");
        Account duringOutage = Api.newUser(a, owner, "VIEWER");
        for (int i = 0; i < PER_USER + 2; i++) {
            boolean onB = i % 2 == 0;
            Api.as(onB ? nodeB.port() : nodeC.port(), duringOutage).get("/api/v1/products").then()
                    .statusCode(200).body("total", equalTo(onB ? 1 : 2));
        }

        redis = newRedis();
        redis.start();

        // Each node counts in Redis again: a request's RateLimit field shows one hit spent instead of none.
        for (SecondNode node : List.of(nodeB, nodeC)) {
            Account probe = Api.newUser(a, owner, "VIEWER");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    Api.as(node.port(), probe).get("/api/v1/auth/me").then().statusCode(200)
                            .header("RateLimit", not(containsString("\"user\";r=" + PER_USER + ";"))));
        }
        // So the cap refuses again, whichever node gets the request over it.
        Account capped = Api.newUser(a, owner, "VIEWER");
        for (int i = 0; i < PER_USER; i++) {
            Api.as(i % 2 == 0 ? nodeB.port() : nodeC.port(), capped).get("/api/v1/auth/me").then().statusCode(200);
        }
        Api.as(nodeB.port(), capped).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));
        Api.as(nodeC.port(), capped).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));

        // B's subscriber is back: having subscribed again, B forgot its cached lists, so the product created
        // during the outage shows.
        Account reader = Api.newUser(a, owner, "VIEWER");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.as(nodeB.port(), reader).get("/api/v1/products").then().statusCode(200)
                        .body("total", equalTo(2)));
        // And a product created on C now shows in B's cached list (kept 10 minutes) within the documented delay:
        // the eviction travelled on Redis again.
        RedisLimitsIT.createProduct(owner, nodeC.port(), "Apres");
        Account later = Api.newUser(a, owner, "VIEWER");
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(nodeB.port(), later).get("/api/v1/products").then().statusCode(200)
                        .body("total", equalTo(3)));
    }
}
