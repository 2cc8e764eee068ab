package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.ShopperLinks;

/**
 * The store API's customer accounts over real HTTP, through the store API's own security chain: registration with
 * its e-mailed verification link, sign-in throttling, the reset link that ends every session, addresses with their
 * defaults, the order history of one's own orders only, and the deletion that erases the customer but keeps the
 * orders; the demo garden shop's shopper.
 */
@IntegrationTest
class ShoppersApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ShopperLinks mailbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aShopperRegistersVerifiesTheirEmailWithTheLinkAndSignsIn() {
        Shops shop = Shops.open(port, "Jardinerie Inscription");
        String email = Api.uniqueEmail("Julie");
        shop.store().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Julie Faure",
                        "phone", "06 12 34 56 78", "locale", "en"))
                .post(shop.api("/customers")).then().statusCode(201)
                .header("Cache-Control", "private, no-store")
                .body("email", equalTo(email.toLowerCase())).body("emailVerified", equalTo(false));

        String token = shop.store().body(Map.of("email", email.toUpperCase(), "password", Api.PASSWORD))
                .post(shop.api("/auth/login")).then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).extract().path("token");
        assertThat(token).startsWith("shp_");
        shop.store(token).get(shop.api("/me")).then().statusCode(200)
                .body("name", equalTo("Julie Faure")).body("locale", equalTo("en"))
                .body("emailVerified", equalTo(false)).body("addresses", hasSize(0));
        // the sales customer exists, with the shopper's name, e-mail and phone
        UUID customer = shop.customerOf(email.toLowerCase());
        Api.as(port, shop.admin).get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("name", equalTo("Julie Faure")).body("phone", equalTo("06 12 34 56 78"));

        String link = mailbox.token(email, "VERIFY", 1);
        shop.store().body(Map.of("token", link)).post(shop.api("/customers/verify")).then().statusCode(204);
        shop.store().body(Map.of("token", link)).post(shop.api("/customers/verify"))
                .then().spec(Api.problem(410, "shopper-link-used"));
        shop.store().body(Map.of("token", "not-a-link")).post(shop.api("/customers/verify"))
                .then().spec(Api.problem(410, "shopper-link-invalid"));
        shop.store(token).get(shop.api("/me")).then().statusCode(200).body("emailVerified", equalTo(true));

        // the same e-mail again, in other letters: taken
        shop.store().body(Map.of("email", email.toUpperCase(), "password", Api.PASSWORD, "name", "Autre"))
                .post(shop.api("/customers")).then().spec(Api.problem(409, "email-taken"));
        // every wrong field at once is named
        shop.store().body(Map.of("email", "pas-une-adresse", "password", "court", "name", ""))
                .post(shop.api("/customers")).then().spec(Api.problem(400, "validation"));
        shop.store().body(Map.of("email", Api.uniqueEmail("x"), "password", "password123", "name", "Léa"))
                .post(shop.api("/customers")).then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("password"));
        shop.store().body(Map.of("email", Api.uniqueEmail("x"), "password", Api.PASSWORD, "name", "",
                        "phone", "pas un numéro"))
                .post(shop.api("/customers")).then().spec(Api.problem(400, "validation"))
                .body("errors.field", containsInAnyOrder("name", "phone"));

        // signing out ends the token
        shop.store(token).post(shop.api("/auth/logout")).then().statusCode(204);
        shop.store(token).get(shop.api("/me")).then().spec(Api.problem(401, "shopper-token"));
        shop.store().get(shop.api("/me")).then().spec(Api.problem(401, "shopper-token"));
    }

    @Test
    void signInIsThrottledAndAnUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        Shops shop = Shops.open(port, "Jardinerie Verrou");
        String email = shop.register("Paul Martin");
        String unknown = shop.store().body(Map.of("email", Api.uniqueEmail("nobody"), "password", Api.PASSWORD))
                .post(shop.api("/auth/login")).then().spec(Api.problem(401, "shopper-credentials"))
                .extract().path("detail");
        for (int i = 0; i < 5; i++) {
            String wrong = shop.store().body(Map.of("email", email, "password", "pas-le-bon-secret"))
                    .post(shop.api("/auth/login")).then().spec(Api.problem(401, "shopper-credentials"))
                    .extract().path("detail");
            assertThat(wrong).isEqualTo(unknown);
        }
        // from the sixth attempt, even the right password waits
        shop.store().body(Map.of("email", email, "password", Api.PASSWORD)).post(shop.api("/auth/login"))
                .then().spec(Api.problem(429, "too-many-requests")).header("Retry-After", notNullValue());
        // another shop's account of the same person is not slowed down
        Shops other = Shops.open(port, "Jardinerie Voisine");
        other.store().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Paul Martin"))
                .post(other.api("/customers")).then().statusCode(201);
        other.login(email);
    }

    @Test
    void registrationsAreThrottledPerAddress() {
        Shops shop = Shops.open(port, "Jardinerie Robots");
        for (int i = 0; i < 5; i++) {
            shop.register("Client " + i);
        }
        shop.store().body(Map.of("email", Api.uniqueEmail("bot"), "password", Api.PASSWORD, "name", "Robot"))
                .post(shop.api("/customers")).then().spec(Api.problem(429, "too-many-requests"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void aForgottenPasswordIsResetWithTheEmailedLinkWhichEndsEverySession() {
        Shops shop = Shops.open(port, "Jardinerie Oubli");
        String email = shop.register("Anne Roux");
        String before = shop.login(email);
        shop.store().body(Map.of("email", email)).post(shop.api("/auth/password-reset")).then().statusCode(202);
        shop.store().body(Map.of("email", Api.uniqueEmail("nobody"))).post(shop.api("/auth/password-reset"))
                .then().statusCode(202);
        String link = mailbox.token(email, "RESET", 1);

        shop.store().body(Map.of("token", link, "password", "court")).post(shop.api("/auth/password-reset/confirm"))
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("password"));
        shop.store().body(Map.of("token", link, "password", "un-nouveau-secret-42"))
                .post(shop.api("/auth/password-reset/confirm")).then().statusCode(204);
        shop.store(before).get(shop.api("/me")).then().spec(Api.problem(401, "shopper-token"));
        shop.store().body(Map.of("email", email, "password", Api.PASSWORD)).post(shop.api("/auth/login"))
                .then().spec(Api.problem(401, "shopper-credentials"));
        String after = shop.store().body(Map.of("email", email, "password", "un-nouveau-secret-42"))
                .post(shop.api("/auth/login")).then().statusCode(200).extract().path("token");
        // the link reached the mailbox: the address counts as verified
        shop.store(after).get(shop.api("/me")).then().body("emailVerified", equalTo(true));
        shop.store().body(Map.of("token", link, "password", "encore-un-autre-43"))
                .post(shop.api("/auth/password-reset/confirm")).then().spec(Api.problem(410, "shopper-link-used"));

        // changing it with the current one keeps this session and ends the others
        String other = shop.store().body(Map.of("email", email, "password", "un-nouveau-secret-42"))
                .post(shop.api("/auth/login")).then().statusCode(200).extract().path("token");
        shop.store(after).body(Map.of("currentPassword", "faux-mot-de-passe", "newPassword", "troisieme-secret-44"))
                .post(shop.api("/me/password")).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("currentPassword"));
        shop.store(after).body(Map.of("currentPassword", "un-nouveau-secret-42", "newPassword", "troisieme-secret-44"))
                .post(shop.api("/me/password")).then().statusCode(204);
        shop.store(after).get(shop.api("/me")).then().statusCode(200);
        shop.store(other).get(shop.api("/me")).then().spec(Api.problem(401, "shopper-token"));
    }

    @Test
    void addressesKeepOneDefaultDeliveryAndOneDefaultBillingAndStayTheShoppersOwn() {
        Shops shop = Shops.open(port, "Jardinerie Adresses");
        String token = shop.login(shop.register("Marc Chevalier"));
        String home = shop.store(token).body(Map.of("label", "Maison", "line1", "12 rue de la République",
                        "postalCode", "69002", "city", "Lyon"))
                .post(shop.api("/me/addresses")).then().statusCode(201)
                .body("defaultDelivery", equalTo(true)).body("defaultBilling", equalTo(true)).extract().path("id");
        String office = shop.store(token).body(Map.of("label", "Bureau", "line1", "45 cours Vitton",
                        "postalCode", "69006", "city", "Lyon", "defaultDelivery", true))
                .post(shop.api("/me/addresses")).then().statusCode(201)
                .body("defaultDelivery", equalTo(true)).body("defaultBilling", equalTo(false)).extract().path("id");
        shop.store(token).get(shop.api("/me/addresses")).then().statusCode(200)
                .body("find { it.id == '" + home + "' }.defaultDelivery", equalTo(false))
                .body("find { it.id == '" + home + "' }.defaultBilling", equalTo(true));
        shop.store(token).body(Map.of("label", "Bureau", "line1", "45 cours Vitton", "postalCode", "69006",
                        "city", "Lyon", "defaultBilling", true))
                .put(shop.api("/me/addresses/" + office)).then().statusCode(200)
                .body("defaultDelivery", equalTo(true)).body("defaultBilling", equalTo(true));
        shop.store(token).body(Map.of("city", "Lyon", "country", "France"))
                .post(shop.api("/me/addresses")).then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("country"));
        shop.store(token).body(Map.of("city", "Lyon"))
                .post(shop.api("/me/addresses")).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("line1"));

        // another shopper neither sees nor changes them
        String stranger = shop.login(shop.register("Intrus"));
        shop.store(stranger).body(Map.of("line1", "1 rue X", "city", "Paris"))
                .put(shop.api("/me/addresses/" + office)).then().statusCode(404);
        shop.store(stranger).delete(shop.api("/me/addresses/" + office)).then().statusCode(404);
        shop.store(stranger).get(shop.api("/me/addresses")).then().body("", hasSize(0));

        // deleting the default passes it on
        shop.store(token).delete(shop.api("/me/addresses/" + office)).then().statusCode(204);
        shop.store(token).get(shop.api("/me")).then().body("addresses", hasSize(1))
                .body("addresses[0].id", equalTo(home))
                .body("addresses[0].defaultDelivery", equalTo(true)).body("addresses[0].defaultBilling", equalTo(true));
        // and the office sees them as the customer's addresses
        Api.as(port, shop.admin).get("/api/v1/customers/" + shop.customerOf(
                        shop.store(token).get(shop.api("/me")).then().extract().<String>path("email")))
                .then().body("addresses", hasSize(1));
    }

    @Test
    void theHistoryShowsOnlyTheShoppersOwnOrdersNewestFirstWithTheirTimeline() {
        Shops shop = Shops.open(port, "Jardinerie Historique");
        String email = shop.register("Sophie Lambert");
        String token = shop.login(email);
        String variant = shop.product("Arrosoir 10 L", "ARR-HIST", "24.00");
        UUID mine = shop.customerOf(email);
        String[] first = shop.order(mine, variant, 1, false);
        String[] second = shop.order(mine, variant, 2, false);
        shop.order(mine, variant, 1, true); // a draft of the office: not the customer's yet
        Api.as(port, shop.admin).body(Map.of("status", "PREPARING")).patch("/api/v1/orders/" + first[0] + "/status")
                .then().statusCode(200);
        String strangerEmail = shop.register("Autre cliente");
        String[] theirs = shop.order(shop.customerOf(strangerEmail), variant, 1, false);

        shop.store(token).get(shop.api("/me/orders")).then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("total", equalTo(2))
                .body("items.number", org.hamcrest.Matchers.contains(second[1], first[1]))
                .body("items[0].total", equalTo(48.0f)).body("items[0].status", equalTo("CONFIRMED"));
        shop.store(token).get(shop.api("/me/orders/" + first[0])).then().statusCode(200)
                .body("status", equalTo("PREPARING"))
                .body("timeline.status", org.hamcrest.Matchers.hasItems("CONFIRMED", "PREPARING"))
                .body("lines[0].sku", equalTo("ARR-HIST")).body("lines[0].variantId", equalTo(variant));
        shop.store(token).get(shop.api("/me/orders/" + theirs[0])).then().spec(Api.problem(404, "not-found"));
        shop.store(token).get(shop.api("/me/orders/" + UUID.randomUUID())).then().statusCode(404);
        shop.store(token).queryParam("page", 1).queryParam("size", 1).get(shop.api("/me/orders")).then()
                .body("items", hasSize(1)).body("items[0].number", equalTo(first[1]));
        // another business's shop does not know this shopper's token
        Shops other = Shops.open(port, "Jardinerie Ailleurs");
        other.store(token).get(other.api("/me/orders")).then().spec(Api.problem(401, "shopper-token"));
    }

    @Test
    void deletingTheAccountErasesTheCustomerButKeepsTheOrders() {
        Shops shop = Shops.open(port, "Jardinerie Effacement");
        String email = shop.register("Hélène Morel");
        String token = shop.login(email);
        shop.store(token).body(Map.of("line1", "2 rue Mercière", "postalCode", "69002", "city", "Lyon"))
                .post(shop.api("/me/addresses")).then().statusCode(201);
        UUID customer = shop.customerOf(email);
        String[] order = shop.order(customer, shop.product("Sécateur", "SEC-GDPR", "19.90"), 1, false);

        shop.store(token).body(Map.of("password", "pas-le-bon")).delete(shop.api("/me"))
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("password"));
        shop.store(token).body(Map.of("password", Api.PASSWORD)).delete(shop.api("/me")).then().statusCode(204);

        shop.store(token).get(shop.api("/me")).then().spec(Api.problem(401, "shopper-token"));
        shop.store().body(Map.of("email", email, "password", Api.PASSWORD)).post(shop.api("/auth/login"))
                .then().spec(Api.problem(401, "shopper-credentials"));
        // the order stays for the accounts; the customer is erased
        Api.as(port, shop.admin).get("/api/v1/orders/" + order[0]).then().statusCode(200)
                .body("number", equalTo(order[1]));
        Api.as(port, shop.admin).get("/api/v1/customers/" + customer).then().statusCode(404);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        Map<String, Object> row = tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s -> jdbc.queryForMap(
                "select name, email, phone, deleted_at from sales_customers where id = ?", customer)));
        assertThat(row.get("name")).isEqualTo("Client supprimé");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("deleted_at")).isNotNull();
        Long addresses = tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s -> jdbc.queryForObject(
                "select count(*) from sales_addresses where customer_id = ?", Long.class, customer)));
        assertThat(addresses).isZero();
        List<Map<String, Object>> shoppers = tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s ->
                jdbc.queryForList("select email, name, password_hash, deleted_at from shoppers where customer_id = ?",
                        customer)));
        assertThat(shoppers).singleElement().satisfies(s -> {
            assertThat((String) s.get("email")).startsWith("deleted-").doesNotContain(email.toLowerCase());
            assertThat(s.get("name")).isEqualTo("");
            assertThat(s.get("password_hash")).isNull();
            assertThat(s.get("deleted_at")).isNotNull();
        });
        // the address is free again: a new account, a new customer
        shop.store().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Hélène Morel"))
                .post(shop.api("/customers")).then().statusCode(201);
    }

    @Test
    void aBusinessWithoutTheShopModuleHasNoStoreApi() {
        Shops shop = Shops.open(port, "Jardinerie Fermée");
        shop.switchShop(false);
        shop.store().body(Map.of("email", Api.uniqueEmail("x"), "password", Api.PASSWORD, "name", "X"))
                .post(shop.api("/customers")).then().spec(Api.problem(404, "not-found"));
        shop.store().get("/api/v1/store/no-such-shop-" + UUID.randomUUID().toString().substring(0, 8) + "/me")
                .then().statusCode(404);
    }

    @Test
    void theDemoGardenShopHasAVerifiedShopperWithAddressesAndPastOrders() {
        String token = Api.given(port).body(Map.of("email", "client@jardin-des-lilas.demo",
                        "password", Api.DEMO_PASSWORD))
                .post("/api/v1/store/jardin-des-lilas/auth/login").then().statusCode(200).extract().path("token");
        Api.given(port).header("Authorization", "Bearer " + token).get("/api/v1/store/jardin-des-lilas/me")
                .then().statusCode(200).body("emailVerified", equalTo(true))
                .body("addresses.size()", greaterThanOrEqualTo(1));
        Api.given(port).header("Authorization", "Bearer " + token).get("/api/v1/store/jardin-des-lilas/me/orders")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(3))
                .body("items[0].number", startsWith("CMD-"));
    }
}
