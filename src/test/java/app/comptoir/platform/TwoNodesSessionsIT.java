package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import app.comptoir.support.WebSession;

/**
 * A staff browser signed in on one node is signed in on the other (its session lives in PostgreSQL, not in a node's
 * memory): pages and htmx writes, with the same CSRF token, work on either; signing out on one ends it on both.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesSessionsIT {

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    private SecondNode nodeB;
    private int b;

    @BeforeAll
    void startSecondNode() throws Exception {
        nodeB = SecondNode.beside(context);
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
    void aBrowserSignedInOnOneNodeWorksOnTheOtherUntilItSignsOutThere() {
        Account owner = Api.newBusiness(a, "Deux noeuds session");
        String variant = Api.as(a, owner).body(Map.of("name", "Bulbe de tulipe", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "TULIPE-1", "price", new BigDecimal("2.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        JsonPath order = Api.as(a, owner).body(Map.of("customer", Map.of("name", "Client", "phone", "06 12 34 56 78"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        String orderId = order.getString("id");
        String line = order.getString("lines[0].id");

        WebSession onA = new WebSession(a);
        WebSession.Page signedIn = onA.signIn(owner.email(), owner.password());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));

        WebSession onB = onA.on(b);
        WebSession.Page page = onB.get("/app/sales/orders/" + orderId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("TULIPE-1");

        // an htmx write on B, with the CSRF token of the page B served from the session A opened
        WebSession.Page changed = onB.post("/app/sales/orders/" + orderId + "/lines/" + line + "/quantity",
                Map.of("quantity", "3"), "HX-Request", "true");
        assertThat(changed.status()).isEqualTo(200);
        Api.as(a, owner).get("/api/v1/orders/" + orderId).then().statusCode(200).body("lines[0].quantity", equalTo(3));
        assertThat(onA.get("/app/sales/orders/" + orderId).status()).isEqualTo(200);

        WebSession.Page signedOut = onB.post("/logout", Map.of());
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).hasValueSatisfying(l -> assertThat(l).contains("/login?logout"));

        WebSession.Page refused = onA.get("/app/sales/orders/" + orderId);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        Api.as(a, owner).get("/api/v1/orders/" + orderId).then().statusCode(200).body("lines[0].quantity", equalTo(3));
    }

    @Test
    void signingOutEverywhereOnOneNodeEndsTheSessionOpenedOnTheOther() {
        Account owner = Api.newBusiness(a, "Deux noeuds partout");
        WebSession onA = new WebSession(a);
        onA.signIn(owner.email(), owner.password());
        assertThat(onA.get("/app").status()).isEqualTo(200);
        WebSession elsewhere = new WebSession(b);
        elsewhere.signIn(owner.email(), owner.password());
        assertThat(elsewhere.get("/app").status()).isEqualTo(200);

        assertThat(onA.on(b).post("/app/account/logout-all", Map.of()).status()).isEqualTo(302);

        // this browser's own session is gone from the database at once, on every node
        assertThat(onA.get("/app").location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        // the other browser's, opened on B and used on A, as soon as A's account status cache heard of the change
        // (LISTEN/NOTIFY, documented within 1 s)
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(elsewhere.on(a).get("/app").location())
                .hasValueSatisfying(l -> assertThat(l).contains("/login")));
        assertThat(elsewhere.get("/app").location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }
}
