package app.comptoir.storefront;

import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * The public throttles per client address, driven alternately on two more nodes (B and C) with the same small caps:
 * a shop's checkouts and registrations, and the questions to a booking page's assistant. Whichever node gets the
 * request over the cap refuses it, because both count in the database (checkouts and questions in
 * {@code shared_counter}, registrations in {@code login_throttle}); another address is still served. Each test
 * sends from an address of its own (forwarded by the loopback proxy), so no other test's requests count with it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesShopThrottlesIT {

    private static final int CAP = 3;

    @LocalServerPort
    int a;

    @Autowired
    ApplicationContext context;

    @Autowired
    ShopBusinesses shops;

    @Autowired
    ShopperSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TenantContext tenants;

    private SecondNode nodeB;
    private SecondNode nodeC;

    @BeforeAll
    void startTwoNodes() throws Exception {
        Map<String, Object> caps = Map.of(
                "comptoir.storefront.checkouts-per-address", Integer.toString(CAP),
                "comptoir.storefront.registrations-per-address", Integer.toString(CAP),
                "comptoir.storefront.registration-window", "1h",
                "comptoir.assistant.visitor-questions-per-address", Integer.toString(CAP),
                "server.forward-headers-strategy", "native");
        nodeB = SecondNode.beside(context, caps);
        nodeC = SecondNode.beside(context, caps);
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

    /** The node of the i-th request: B, C, B, C... */
    private int node(int i) {
        return i % 2 == 0 ? nodeB.port() : nodeC.port();
    }

    private static String address() {
        return address("198.18.");
    }

    /** An address in another range than {@link #address()}'s: never the throttled one. */
    private static String another() {
        return address("198.19.");
    }

    private static String address(String range) {
        return range + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private static RequestSpecification from(int node, String address) {
        return Api.given(node).header("X-Forwarded-For", address);
    }

    @Test
    void checkoutsFromOneAddressAlternatedBetweenTwoNodesAreThrottledAtTheCapOfOne() {
        ShopFixture shop = ShopFixture.open(a, new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants),
                "Deux noeuds boutique");
        String pot = shop.product("Pot Deux Noeuds", "POT-2N", 5000, 20);
        String bearer = shop.bearer(shop.shopper("Awa Diop", true));
        String checkout = "/api/v1/store/" + shop.slug + "/checkout";
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)),
                "address", Map.of("line1", "3 avenue Senghor", "postalCode", "11000", "city", "Dakar", "country", "SN"));
        String address = address();
        for (int i = 0; i < CAP; i++) {
            from(node(i), address).header("Authorization", "Bearer " + bearer).body(body).post(checkout).then()
                    .statusCode(201);
        }

        from(nodeB.port(), address).header("Authorization", "Bearer " + bearer).body(body).post(checkout).then()
                .spec(Api.problem(429, "too-many-requests")).header("Retry-After", notNullValue());
        from(nodeC.port(), address).header("Authorization", "Bearer " + bearer).body(body).post(checkout).then()
                .spec(Api.problem(429, "too-many-requests"));
        // Another address still checks out.
        from(nodeC.port(), another()).header("Authorization", "Bearer " + bearer).body(body).post(checkout).then()
                .statusCode(201);
    }

    @Test
    void registrationsFromOneAddressAlternatedBetweenTwoNodesAreThrottledAtTheCapOfOne() {
        Shops shop = Shops.open(a, "Deux noeuds inscriptions");
        String customers = shop.api("/customers");
        String address = address();
        for (int i = 0; i < CAP; i++) {
            from(node(i), address).body(Map.of("email", Api.uniqueEmail("shopper"), "password", Api.PASSWORD,
                    "name", "Client " + i)).post(customers).then().statusCode(201);
        }

        from(nodeB.port(), address).body(Map.of("email", Api.uniqueEmail("bot"), "password", Api.PASSWORD,
                "name", "Robot")).post(customers).then().spec(Api.problem(429, "too-many-requests"))
                .header("Retry-After", notNullValue());
        from(nodeC.port(), address).body(Map.of("email", Api.uniqueEmail("bot"), "password", Api.PASSWORD,
                "name", "Robot")).post(customers).then().spec(Api.problem(429, "too-many-requests"));
        from(nodeB.port(), another()).body(Map.of("email", Api.uniqueEmail("shopper"), "password", Api.PASSWORD,
                "name", "Voisine")).post(customers).then().statusCode(201);
    }

    @Test
    void assistantQuestionsFromOneAddressAlternatedBetweenTwoNodesAreThrottledAtTheCapOfOne() {
        Account centre = Api.newBusiness(a, "Deux noeuds assistant");
        Api.as(a, centre).body(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "cutoffHours", 24,
                "contactPhone", "04 72 10 20 30")).put("/api/v1/bookings/settings").then().statusCode(200);
        String chat = "/api/v1/booking/" + centre.tenantSlug() + "/assistant/chat";
        String address = address();
        for (int i = 0; i < CAP; i++) {
            from(node(i), address).body(Map.of("message", "Prix ?")).post(chat).then().statusCode(200);
        }

        from(nodeB.port(), address).body(Map.of("message", "Prix ?")).post(chat).then()
                .spec(Api.problem(429, "too-many-requests")).header("Retry-After", notNullValue());
        from(nodeC.port(), address).body(Map.of("message", "Prix ?")).post(chat).then()
                .spec(Api.problem(429, "too-many-requests"));
        from(nodeC.port(), another()).body(Map.of("message", "Prix ?")).post(chat).then().statusCode(200);
    }
}
