package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.payments.FakeStripe;
import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The cart, delivery fees and checkout over real HTTP, through the shop's security chains: the anonymous cart in a
 * signed cookie (tampering refused, no row), its merge at sign-in, stock checks, checkout into a CONFIRMED order with
 * its stock reserved and its source, a last-moment shortage explained with nothing half-done, idempotency, the race
 * for the last unit, delivery rules and slots, online payment through the fake Stripe.
 */
@IntegrationTest
class CheckoutIT {

    @LocalServerPort
    int port;

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

    ShopFixture shop;

    @BeforeEach
    void openShop() {
        shop = ShopFixture.open(port, new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants), "Jardin de Dakar");
    }

    private String cart() {
        return "/shop/" + shop.slug + "/cart";
    }

    @Test
    void anAnonymousCartLivesInASignedCookieThatCannotBeForged() {
        String pot = shop.product("Pot Toscane", "POT-1", 5000, 10);
        ShopFixture.Browser visitor = shop.browser();

        ShopFixture.Browser.Page added = visitor.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "2"));

        assertThat(added.status()).isEqualTo(302);
        assertThat(added.headers().firstValue("Cache-Control")).contains("private, no-store");
        String cookie = visitor.cookies.get("comptoir_cart");
        assertThat(cookie).startsWith("v1.");
        ShopFixture.Browser.Page page = visitor.get(cart());
        assertThat(page.body()).contains("Pot Toscane").contains("data-cart-line");
        assertThat(page.headers().firstValue("Cache-Control")).contains("private, no-store");
        Long rows = tenants.callAs(shop.shop.tenantId(), () -> tx.execute(s ->
                jdbc.queryForObject("select count(*) from shop_carts", Long.class)));
        assertThat(rows).as("no row for an anonymous cart").isZero();

        String[] parts = cookie.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((pot + ":999").getBytes()) + "." + parts[2];
        visitor.cookies.put("comptoir_cart", forged);
        assertThat(visitor.get(cart()).body()).contains("data-cart-empty").doesNotContain("data-cart-line");
    }

    @Test
    void theCartExplainsOnTheLineWhatTheStockCannotServe() {
        String pot = shop.product("Pot Toscane", "POT-2", 5000, 2);
        String soil = shop.product("Terreau", "SOIL-2", 3000, 0);
        ShopFixture.Browser visitor = shop.browser();
        visitor.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "5"));
        visitor.post(cart() + "/lines", Map.of("variantId", soil, "quantity", "1"));

        String page = visitor.get(cart()).body();

        assertThat(page).contains("Plus que 2 disponible(s)").contains("En rupture de stock")
                .doesNotContain("data-go-checkout");
        assertThat(visitor.post(cart() + "/lines", Map.of("variantId", UUID.randomUUID().toString(), "quantity", "1"))
                .location()).hasValueSatisfying(l -> assertThat(l).endsWith("notice=notSold"));
    }

    @Test
    void theAnonymousCartIsMergedIntoTheShoppersAtTheFirstSignedInRequest() {
        String pot = shop.product("Pot Toscane", "POT-3", 5000, 4);
        String soil = shop.product("Terreau", "SOIL-3", 3000, 10);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        ShopFixture.Browser earlier = shop.browser().signedIn(awa);
        earlier.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "3"));
        ShopFixture.Browser visitor = shop.browser();
        visitor.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "3"));
        visitor.post(cart() + "/lines", Map.of("variantId", soil, "quantity", "2"));

        visitor.signedIn(awa);
        String page = visitor.get(cart()).body();

        assertThat(visitor.cookies).doesNotContainKey("comptoir_cart");
        assertThat(page).contains("Terreau");
        assertThat(shop.browser().signedIn(awa).get(cart() + "/count").body()).contains(">6<");
    }

    @Test
    void checkoutPlacesAConfirmedOrderWithItsStockReservedFromTheOnlineShop() {
        String pot = shop.product("Pot Toscane", "POT-4", 5000, 5);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        ShopFixture.Browser browser = shop.browser().signedIn(awa);
        browser.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "2"));
        String form = browser.get("/shop/" + shop.slug + "/checkout").body();
        String token = field(form, "token");
        String addressId = field(form, "addressId");

        ShopFixture.Browser.Page placed = browser.post("/shop/" + shop.slug + "/checkout", Map.of("addressId", addressId,
                "payment", "ON_DELIVERY", "token", token, "slot", ""));

        assertThat(placed.location()).hasValueSatisfying(l -> assertThat(l).contains("/orders/").endsWith("?placed"));
        String orderId = between(placed.location().get(), "/orders/", "?");
        String confirmation = browser.get("/shop/" + shop.slug + "/orders/" + orderId).body();
        assertThat(confirmation).contains("À payer à la livraison").contains("Pot Toscane");
        JsonPath order = Api.as(port, shop.admin).get("/api/v1/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getString("customer.id")).isEqualTo(awa.customerId().toString());
        assertThat(order.getString("deliveryAddress.city")).isEqualTo("Dakar");
        assertThat(shop.available(pot)).isEqualTo(3);
        assertThat(browser.get(cart()).body()).contains("data-cart-empty");
        // the confirmation e-mail, written by notifications after the commit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> subjects = tenants.callAs(shop.shop.tenantId(), () -> tx.execute(s -> jdbc.queryForList(
                    "select subject from mails where source_key = ? and recipient = ?", String.class,
                    "online-order-placed:" + orderId, awa.email())));
            assertThat(subjects).hasSize(1);
            assertThat(subjects.getFirst()).contains(order.getString("number"));
        });
        // the back office lists it with its source, and filters on it
        Api.as(port, shop.admin).get("/api/v1/orders").then().body("items[0].source", equalTo("ONLINE_SHOP"));
        Api.as(port, shop.admin).get("/api/v1/orders?source=BACK_OFFICE").then().body("total", equalTo(0));
        Api.as(port, shop.admin).get("/api/v1/orders?source=ONLINE_SHOP").then().body("total", equalTo(1));
        Api.as(port, shop.admin).get("/api/v1/orders?source=ELSEWHERE").then().spec(Api.problem(400, "validation"));
        app.comptoir.support.WebSession office = new app.comptoir.support.WebSession(port);
        office.signIn(shop.admin.email(), shop.admin.password());
        assertThat(office.get("/app/sales/orders?source=ONLINE_SHOP").body()).contains("data-online-order")
                .contains("Boutique en ligne");
        assertThat(office.get("/app/sales/orders/" + orderId).body()).contains("data-online-order");
        assertThat(office.get("/app/sales/orders?source=BACK_OFFICE").body()).doesNotContain("data-online-order");
        // the form sent again answers the same order
        ShopFixture.Browser.Page again = browser.post("/shop/" + shop.slug + "/checkout", Map.of("addressId", addressId,
                "payment", "ON_DELIVERY", "token", token, "slot", ""));
        assertThat(again.location()).hasValueSatisfying(l -> assertThat(l).contains(orderId));
        assertThat(shop.available(pot)).isEqualTo(3);
    }

    @Test
    void aShortageAtTheLastMomentIsExplainedPerLineAndNothingIsHalfDone() {
        String pot = shop.product("Pot Toscane", "POT-5", 5000, 3);
        String soil = shop.product("Terreau", "SOIL-5", 3000, 10);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        ShopFixture.Browser browser = shop.browser().signedIn(awa);
        browser.post(cart() + "/lines", Map.of("variantId", pot, "quantity", "3"));
        browser.post(cart() + "/lines", Map.of("variantId", soil, "quantity", "2"));
        String form = browser.get("/shop/" + shop.slug + "/checkout").body();
        // meanwhile the shop sells two pots at the counter
        Api.as(port, shop.admin).body(Map.of("variantId", pot, "type", "SALE", "quantity", 2))
                .post("/api/v1/stocks/movements").then().statusCode(201);

        ShopFixture.Browser.Page refused = browser.post("/shop/" + shop.slug + "/checkout", Map.of(
                "addressId", field(form, "addressId"), "payment", "ON_DELIVERY",
                "token", field(form, "token")));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-shortages").contains("Pot Toscane").contains("Plus que 1 disponible(s)")
                .doesNotContain("Terreau :");
        Api.as(port, shop.admin).get("/api/v1/orders?customerId=" + awa.customerId()).then().body("total", equalTo(0));
        assertThat(shop.available(soil)).isEqualTo(10);
        assertThat(shop.available(pot)).isEqualTo(1);
        assertThat(browser.get(cart()).body()).contains("data-cart-line");
    }

    @Test
    void theStoreApiPricesACartWithTheDeliveryRulesAndChecksItsLines() {
        String pot = shop.product("Pot Toscane", "POT-6", 5000, 2);
        Api.as(port, shop.admin).body(Map.of("flatFee", 2500, "freeAbove", 50000,
                        "zones", List.of(Map.of("name", "Plateau", "prefixes", List.of("10"), "fee", 1000)),
                        "slots", Map.of("enabled", false, "daysAhead", 0, "perDay", List.of())))
                .put("/api/v1/store-settings").then().statusCode(200).body("zones[0].prefixes[0]", equalTo("10"));

        String store = "/api/v1/store/" + shop.slug;
        Api.given(port).body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 3)), "postalCode", "10200"))
                .post(store + "/cart").then().statusCode(200)
                .body("lines[0].availability", equalTo("SHORT")).body("lines[0].available", equalTo(2))
                .body("subtotal", equalTo(15000)).body("deliveryFee", equalTo(1000)).body("total", equalTo(16000))
                .body("orderable", equalTo(false));
        Api.given(port).body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1))))
                .post(store + "/cart").then().statusCode(200).body("deliveryFee", equalTo(2500))
                .body("missingForFreeDelivery", equalTo(45000));
        Api.given(port).body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 0))))
                .post(store + "/cart").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("lines[0].quantity"));
        Api.as(port, shop.admin).body(Map.of("flatFee", -1)).put("/api/v1/store-settings").then()
                .spec(Api.problem(400, "validation"));
        Api.given(port).get("/api/v1/store/no-such-shop-here/delivery-slots").then().statusCode(404);
    }

    @Test
    void theStoreApiChecksOutOnceWithAnIdempotencyKeyAndRefusesShortLinesWithTheirFigures() {
        String pot = shop.product("Pot Toscane", "POT-7", 5000, 3);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        String bearer = shop.bearer(awa);
        String store = "/api/v1/store/" + shop.slug;
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 2)),
                "address", Map.of("line1", "3 avenue Senghor", "postalCode", "11000", "city", "Dakar", "country", "SN"));

        Api.given(port).body(body).post(store + "/checkout").then().spec(Api.problem(401, "shopper-token"));
        JsonPath first = Api.as(port, bearer).header("Idempotency-Key", "order-1").body(body)
                .post(store + "/checkout").then().statusCode(201).extract().jsonPath();
        Api.as(port, bearer).header("Idempotency-Key", "order-1").body(body).post(store + "/checkout").then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("order.id", equalTo(first.getString("order.id")));

        assertThat(first.getString("order.status")).isEqualTo("CONFIRMED");
        assertThat(first.getString("order.number")).startsWith("CMD-");
        assertThat(shop.available(pot)).isEqualTo(1);
        Api.as(port, bearer).header("Idempotency-Key", "order-2").body(body).post(store + "/checkout").then()
                .spec(Api.problem(409, "insufficient-stock")).body("lines", hasSize(1))
                .body("lines[0].requested", equalTo(2)).body("lines[0].available", equalTo(1));
        assertThat(shop.available(pot)).isEqualTo(1);
        ShopFixture.Shopper unverified = shop.shopper("Moussa Ba", false);
        Api.as(port, shop.bearer(unverified)).body(body).post(store + "/checkout").then()
                .spec(Api.problem(403, "email-not-verified"));
        assertThat(shop.browser().signedIn(unverified).get("/shop/" + shop.slug + "/checkout").location())
                .hasValueSatisfying(l -> assertThat(l).contains("/account?verify"));
        assertThat(shop.browser().get("/shop/" + shop.slug + "/checkout").location())
                .hasValueSatisfying(l -> assertThat(l).contains("/login?next=/shop/" + shop.slug + "/checkout"));
    }

    @Test
    void twoShoppersRacingForTheLastUnitGetExactlyOneOrderAndNothingIsOversold() throws Exception {
        String pot = shop.product("Dernier pot", "POT-8", 5000, 1);
        List<String> bearers = List.of(shop.bearer(shop.shopper("Awa Diop", true)),
                shop.bearer(shop.shopper("Fatou Sow", true)));
        String store = "/api/v1/store/" + shop.slug;
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)),
                "address", Map.of("line1", "3 avenue Senghor", "city", "Dakar", "country", "SN"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (String bearer : bearers) {
            answers.add(pool.submit((Callable<Response>) () -> {
                start.await();
                return Api.as(port, bearer).body(body).post(store + "/checkout");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> a : answers) {
            statuses.add(a.get().statusCode());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        Response loser = answers.get(statuses.indexOf(409)).get();
        assertThat(loser.jsonPath().getString("type")).endsWith("insufficient-stock");
        assertThat(loser.jsonPath().getInt("lines[0].available")).isZero();
        JsonPath stock = Api.as(port, shop.admin).get("/api/v1/stocks/" + pot).then().statusCode(200).extract().jsonPath();
        assertThat(stock.getInt("available")).isZero();
        assertThat(stock.getInt("reserved")).isEqualTo(1);
    }

    @Test
    void aDeliverySlotTakesOrdersUpToItsCapacity() {
        String pot = shop.product("Pot Toscane", "POT-9", 5000, 10);
        Api.as(port, shop.admin).body(Map.of("flatFee", 0, "slots", Map.of("enabled", true, "daysAhead", 3,
                        "perDay", List.of(Map.of("label", "09:00–12:00", "capacity", 1)))))
                .put("/api/v1/store-settings").then().statusCode(200);
        String store = "/api/v1/store/" + shop.slug;
        JsonPath slots = Api.given(port).get(store + "/delivery-slots").then().statusCode(200).extract().jsonPath();
        assertThat(slots.getList("")).hasSize(3);
        String day = slots.getString("[0].day");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)),
                "address", Map.of("line1", "3 avenue Senghor", "city", "Dakar", "country", "SN"),
                "slot", Map.of("day", day, "label", "09:00–12:00"));

        Api.as(port, shop.bearer(shop.shopper("Awa Diop", true))).body(body).post(store + "/checkout").then()
                .statusCode(201);
        Api.as(port, shop.bearer(shop.shopper("Fatou Sow", true))).body(body).post(store + "/checkout").then()
                .spec(Api.problem(409, "slot-full"));
        Api.given(port).get(store + "/delivery-slots").then().body("[0].remaining", equalTo(0));
        Map<String, Object> past = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 1)),
                "address", Map.of("line1", "3 avenue Senghor", "city", "Dakar", "country", "SN"),
                "slot", Map.of("day", LocalDate.now().minusDays(1).toString(), "label", "09:00–12:00"));
        Api.as(port, shop.bearer(shop.shopper("Ousmane Fall", true))).body(past).post(store + "/checkout").then()
                .spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("slot"));
    }

    @Test
    void administratorsSetTheDeliveryRulesOnTheSettingsPage() {
        app.comptoir.support.WebSession office = new app.comptoir.support.WebSession(port);
        office.signIn(shop.admin.email(), shop.admin.password());
        assertThat(office.get("/app/settings/shop").body()).contains("data-shop-settings");

        app.comptoir.support.WebSession.Page saved = office.post("/app/settings/shop", Map.of("flatFee", "2 500",
                "freeAbove", "50000", "zones", "Plateau : 10 11 = 1000", "slotsEnabled", "true", "daysAhead", "2",
                "slots", "09:00–12:00 = 4"));

        assertThat(saved.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/settings/shop"));
        Api.as(port, shop.admin).get("/api/v1/store-settings").then().body("flatFee", equalTo(2500))
                .body("zones[0].prefixes", org.hamcrest.Matchers.contains("10", "11"))
                .body("slots.perDay[0].capacity", equalTo(4));
        assertThat(office.post("/app/settings/shop", Map.of("flatFee", "-3", "zones", "sans frais")).body())
                .contains("data-settings-errors").contains("sans frais");
        app.comptoir.support.Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        Api.as(port, viewer).body(Map.of("flatFee", 0)).put("/api/v1/store-settings").then().statusCode(403);
    }

    @Test
    void anOnlinePaymentGoesThroughTheBusinesssStripeAccountAndTheOrderShowsPaid() {
        String pot = shop.product("Pot Toscane", "POT-10", 5000, 10);
        FakeStripe.Account stripe = FakeStripe.shared().account(true);
        Api.as(port, shop.admin).body(Map.of("secretKey", stripe.secretKey, "webhookSecret", stripe.webhookSecret))
                .put("/api/v1/payments/settings/stripe").then().statusCode(200);
        stripe.sendWebhooksTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook/" + shop.slug);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        Map<String, Object> body = Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 2)),
                "address", Map.of("line1", "3 avenue Senghor", "city", "Dakar", "country", "SN"), "payment", "ONLINE");

        JsonPath placed = Api.as(port, shop.bearer(awa)).body(body).post("/api/v1/store/" + shop.slug + "/checkout")
                .then().statusCode(201).extract().jsonPath();
        String url = placed.getString("paymentUrl");
        String orderId = placed.getString("order.id");
        ShopFixture.Browser browser = shop.browser().signedIn(awa);
        assertThat(browser.get("/shop/" + shop.slug + "/orders/" + orderId).body()).contains("data-pending");

        stripe.pay(url.substring(url.lastIndexOf('/') + 1));

        assertThat(browser.get("/shop/" + shop.slug + "/orders/" + orderId).body()).contains("data-paid");
        Api.as(port, shop.admin).get("/api/v1/orders/" + orderId).then().body("payment.state", equalTo("PAID"));
    }

    /** The value of the form's first input with this name. */
    static String field(String page, String name) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*>")
                .matcher(page);
        assertThat(input.find()).as("an input " + name + " in " + page).isTrue();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        assertThat(value.find()).as("a value of " + name).isTrue();
        return value.group(1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        from += start.length();
        int to = end.isEmpty() ? text.length() : text.indexOf(end, from);
        return text.substring(from, to < 0 ? text.length() : to);
    }
}
