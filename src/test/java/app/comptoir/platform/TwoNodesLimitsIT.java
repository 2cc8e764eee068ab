package app.comptoir.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * Two more nodes (B and C) on the suite's PostgreSQL, with the same low limits, each over real HTTP: requests
 * alternated between them hit an API rate cap and the sign-in's throttle at the same total as on one node, because
 * both count in the database ({@code shared_counter}, {@code login_throttle}). The suite's own node keeps its huge
 * limits; the sign-in attempts come "from" addresses of their own (forwarded by the loopback proxy), so that they
 * never throttle the suite's other sign-ins.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesLimitsIT {

    static final Map<String, Object> LIMITS = Map.of(
            "comptoir.api.rate-limit.per-business", "100",
            "comptoir.api.rate-limit.per-user", "4",
            "comptoir.api.rate-limit.window", "1h",
            "comptoir.security.login.attempts-per-ip", "3",
            "comptoir.security.login.ip-window", "1h",
            "server.forward-headers-strategy", "native");

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    private SecondNode nodeB;
    private SecondNode nodeC;

    @BeforeAll
    void startTwoNodes() throws Exception {
        nodeB = SecondNode.beside(context, LIMITS);
        nodeC = SecondNode.beside(context, LIMITS);
    }

    @AfterAll
    void stopTwoNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeC != null) {
            nodeC.close();
        }
    }

    @Test
    void aUsersRequestsAlternatedBetweenTwoNodesAreCappedAtTheLimitOfOne() {
        Account owner = Api.newBusiness(a, "Deux noeuds plafond");
        int[] nodes = {nodeB.port(), nodeC.port()};
        for (int i = 0; i < 4; i++) {
            Api.as(nodes[i % 2], owner).get("/api/v1/auth/me").then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"business\";r=" + (99 - i) + ";t=\\d+, \"user\";r="
                            + (3 - i) + ";t=\\d+"));
        }

        // The fifth request, whichever node gets it, is over the user's cap of 4.
        Api.as(nodes[0], owner).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));
        Api.as(nodes[1], owner).get("/api/v1/auth/me").then().spec(Api.problem(429, "too-many-requests"))
                .body("limit", equalTo("user"));
    }

    @Test
    void signInAttemptsFromOneAddressAlternatedBetweenTwoNodesAreThrottledAtTheLimitOfOne() {
        Account owner = Api.newBusiness(a, "Deux noeuds connexion");
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        int[] nodes = {nodeB.port(), nodeC.port()};
        for (int i = 0; i < 3; i++) {
            Api.given(nodes[i % 2]).header("X-Forwarded-For", address)
                    .body(Map.of("email", owner.email(), "password", "pas le bon " + i))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }

        // The fourth attempt from that address is refused on either node, even with the right password.
        Api.given(nodes[1]).header("X-Forwarded-For", address)
                .body(Map.of("email", owner.email(), "password", owner.password()))
                .post("/api/v1/auth/login").then().spec(Api.problem(429, "too-many-requests"));
        Api.given(nodes[0]).header("X-Forwarded-For", address)
                .body(Map.of("email", owner.email(), "password", owner.password()))
                .post("/api/v1/auth/login").then().spec(Api.problem(429, "too-many-requests"));
        // Another address still signs in.
        Api.given(nodes[0]).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("email", owner.email(), "password", owner.password()))
                .post("/api/v1/auth/login").then().statusCode(200);
    }
}
