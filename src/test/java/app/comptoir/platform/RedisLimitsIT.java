package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.embedded.RedisServer;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * Two more nodes (B and C) with {@code comptoir.redis.url} pointing to a real redis-server started by the test
 * (embedded-redis's bundled Redis 6.2): a user's API requests alternated between them are capped at the total of
 * one node, counted in Redis and not in the database; a product created on one shows in the other's cached list
 * (kept 10 minutes) at once, the eviction having travelled on Redis (these nodes do not use PostgreSQL's
 * notifications); and with Redis stopped, requests go through (fail-open).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisLimitsIT {

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private RedisServer redis;
    private int redisPort;
    private SecondNode nodeB;
    private SecondNode nodeC;

    @BeforeAll
    void startRedisAndTwoNodes() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        Map<String, Object> settings = Map.of(
                "comptoir.redis.url", "redis://127.0.0.1:" + redisPort,
                "comptoir.api.rate-limit.per-business", "100",
                "comptoir.api.rate-limit.per-user", "4",
                "comptoir.api.rate-limit.window", "1h",
                "comptoir.catalog.list-cache-ttl", "10m");
        nodeB = SecondNode.beside(context, settings);
        nodeC = SecondNode.beside(context, settings);
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.bean(CacheEvictions.class).listening()
                && nodeC.bean(CacheEvictions.class).listening());
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
    @Order(1)
    void aUsersRequestsAlternatedBetweenTwoNodesAreCappedInRedisAtTheLimitOfOne() {
        Account owner = Api.newBusiness(a, "Redis plafond");
        int[] nodes = {nodeB.port(), nodeC.port()};
        for (int i = 0; i < 4; i++) {
            Api.as(nodes[i % 2], owner).get("/api/v1/auth/me").then().statusCode(200);
        }
        Api.as(nodes[0], owner).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));
        Api.as(nodes[1], owner).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));

        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().get("comptoir:limit:api:u:" + owner.userId())).isEqualTo("6");
            assertThat(connection.sync().pttl("comptoir:limit:api:u:" + owner.userId())).isBetween(1L, 3_600_000L);
        } finally {
            client.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from shared_counter where key = ?", Long.class,
                "api:u:" + owner.userId())).isZero();
    }

    @Test
    @Order(2)
    void aProductCreatedOnOneNodeShowsInTheOthersCachedListThroughRedis() {
        Account owner = Api.newBusiness(a, "Redis catalogue");
        createProduct(owner, nodeC.port(), "Rosier");
        Api.as(nodeB.port(), owner).get("/api/v1/products").then().statusCode(200).body("total", equalTo(1));

        createProduct(owner, nodeC.port(), "Tulipe");

        await().atMost(Duration.ofSeconds(4)).untilAsserted(() -> Api.as(nodeB.port(), owner).get("/api/v1/products")
                .then().statusCode(200).body("total", equalTo(2)));
        // Not through PostgreSQL: neither node opened its connections for LISTEN/NOTIFY.
        assertThat(jdbc.queryForObject("select count(*) from pg_stat_activity where application_name in (?, ?)",
                Long.class, "comptoir cache evictions " + nodeB.bean(CacheEvictions.class).nodeId(),
                "comptoir cache evictions " + nodeC.bean(CacheEvictions.class).nodeId())).isZero();
    }

    @Test
    @Order(3)
    void withRedisStoppedRequestsGoThroughInsteadOfFailing() throws Exception {
        Account owner = Api.newBusiness(a, "Redis en panne");
        redis.stop();

        for (int i = 0; i < 6; i++) {
            Api.as(i % 2 == 0 ? nodeB.port() : nodeC.port(), owner).get("/api/v1/auth/me").then().statusCode(200);
        }
        // Nor is the node reported unready: Redis is not one of its health checks.
        Api.given(nodeB.port()).get("/actuator/health/readiness").then().statusCode(200);
    }

    /** Creates a one-variant product on the node, as its owner (RedisRestartIT too). */
    static void createProduct(Account owner, int node, String name) {
        Api.as(node, owner).body(Map.of("name", name, "vatRate", 20,
                        "variants", List.of(Map.of("sku", name.toUpperCase() + "-R", "price", new BigDecimal("5.00")))))
                .post("/api/v1/products").then().statusCode(201);
    }
}
