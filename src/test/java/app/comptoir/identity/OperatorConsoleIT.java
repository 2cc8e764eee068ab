package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IdentityLinks;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The operator console through the real security chain: the deployment's operator (listed in
 * COMPTOIR_OPERATOR_EMAILS, or named from the console) sees every business's usage, suspends and resumes one, changes its plan, and every act
 * is journaled with its reason; anyone else is refused.
 */
@IntegrationTest
class OperatorConsoleIT {

    private static Account operator;

    @LocalServerPort
    int port;

    @Autowired
    IdentityLinks mailbox;

    /** The operator: a staff user of their own business, whose e-mail the deployment lists (signed up once per JVM). */
    private synchronized Account operator() {
        if (operator == null) {
            operator = Api.signUpOrSignIn(port, "Opérateur du service", IntegrationTest.OPERATOR_EMAIL);
        }
        return operator;
    }

    private static Map<String, Object> product(String name, String sku) {
        return Map.of("name", name, "vatRate", 20, "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("9.90"))));
    }

    @Test
    void theOperatorSeesEveryBusinessWithItsUsage() {
        Account shop = Api.newBusiness(port, "Usage");
        Api.as(port, shop).body(product("Bougie", "BOU-1")).post("/api/v1/products").then().statusCode(201);
        Api.newUser(port, shop, "VIEWER");

        JsonPath page = Api.as(port, operator()).queryParam("q", shop.tenantSlug()).get("/api/v1/operator/businesses")
                .then().statusCode(200).extract().jsonPath();

        assertThat(page.getLong("total")).isEqualTo(1);
        assertThat(page.getString("items[0].slug")).isEqualTo(shop.tenantSlug());
        assertThat(page.getLong("items[0].users")).isEqualTo(2);
        assertThat(page.getLong("items[0].products")).isEqualTo(1);
        assertThat(page.getLong("items[0].orders")).isZero();
        assertThat(page.getString("items[0].plan")).isEqualTo("ILLIMITE");
        assertThat(page.getBoolean("items[0].suspended")).isFalse();
        // Pages are bounded like every list.
        Api.as(port, operator()).queryParam("size", 0).get("/api/v1/operator/businesses").then()
                .spec(Api.problem(400, "validation"));

        WebSession web = new WebSession(port);
        web.signIn(IntegrationTest.OPERATOR_EMAIL, Api.PASSWORD);
        WebSession.Page console = web.get("/operator?q=" + shop.tenantSlug());
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("data-operator-business=\"" + shop.tenantSlug() + "\"");
        assertThat(web.get("/app").body()).contains("data-operator-console");
    }

    @Test
    void anyoneButTheOperatorIsRefused() {
        Account admin = Api.newBusiness(port, "Pas opérateur");

        Api.as(port, admin).get("/api/v1/operator/businesses").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, admin).body(Map.of("reason", "tentative")).post("/api/v1/operator/businesses/" + admin.tenantId()
                + "/suspend").then().spec(Api.problem(403, "forbidden"));
        Api.given(port).get("/api/v1/operator/businesses").then().statusCode(401);

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        assertThat(web.get("/operator").status()).isEqualTo(403);
        assertThat(web.get("/app").body()).doesNotContain("data-operator-console");
    }

    @Test
    void aSuspendedBusinessIsRefusedToItsStaffAndClosedToThePublicUntilResumed() {
        Account shop = Api.newBusiness(port, "Suspendu");
        String url = "/api/v1/operator/businesses/" + shop.tenantId();

        Api.as(port, operator()).body(Map.of()).post(url + "/suspend").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("reason"));
        Api.as(port, operator()).body(Map.of("reason", "Factures impayées")).post(url + "/suspend").then()
                .statusCode(200).body("business.suspended", equalTo(true))
                .body("business.suspensionReason", equalTo("Factures impayées"));

        Api.as(port, shop).get("/api/v1/users").then().spec(Api.problem(423, "business-suspended"));
        Api.login(port, shop.email(), shop.password()).then().spec(Api.problem(423, "business-suspended"));
        WebSession web = new WebSession(port);
        assertThat(web.signIn(shop.email(), shop.password()).status()).isEqualTo(302);
        WebSession.Page refused = web.get("/app");
        assertThat(refused.location().orElseThrow()).endsWith("/login?suspended");
        assertThat(web.get("/login?suspended").body()).contains("Ce commerce est suspendu");
        WebSession.Page closed = new WebSession(port).get("/shop/" + shop.tenantSlug());
        assertThat(closed.status()).isEqualTo(503);
        assertThat(closed.body()).contains("fermé");
        Api.given(port).get("/api/v1/store/" + shop.tenantSlug() + "/products").then()
                .spec(Api.problem(423, "business-suspended"));
        Api.as(port, operator()).body(Map.of("reason", "encore")).post(url + "/suspend").then()
                .spec(Api.problem(409, "already-suspended"));

        Api.as(port, operator()).body(Map.of("reason", "Factures réglées")).post(url + "/resume").then()
                .statusCode(200).body("business.suspended", equalTo(false));

        Api.as(port, shop).get("/api/v1/users").then().statusCode(200);
        Api.login(port, shop.email(), shop.password()).then().statusCode(200);
        assertThat(new WebSession(port).get("/shop/" + shop.tenantSlug()).status()).isNotEqualTo(503);
    }

    @Test
    void aPlanRefusesTheUserAndTheProductBeyondItsQuota() {
        Account shop = Api.newBusiness(port, "Quota");
        String url = "/api/v1/operator/businesses/" + shop.tenantId();
        Api.as(port, operator()).body(Map.of("plan", "GRATUIT", "reason", "essai")).put(url + "/plan").then()
                .spec(Api.problem(400, "validation"));
        Api.as(port, operator()).body(Map.of("plan", "ESSENTIEL", "reason", "Passe en Essentiel")).put(url + "/plan")
                .then().statusCode(200).body("business.plan", equalTo("ESSENTIEL")).body("maxUsers", equalTo(3))
                .body("business.users", equalTo(1));

        Api.newUser(port, shop, "MANAGER");
        Api.newUser(port, shop, "VIEWER");
        Api.as(port, shop).body(Map.of("email", Api.uniqueEmail("fourth"), "name", "Quatrième", "password", Api.PASSWORD,
                        "roles", List.of("VIEWER"))).post("/api/v1/users").then()
                .spec(Api.problem(409, "quota-exceeded"))
                .body("limit", equalTo("users")).body("plan", equalTo("ESSENTIEL")).body("max", equalTo(3));
        Api.as(port, shop).body(Map.of("email", Api.uniqueEmail("invited"), "role", "VIEWER"))
                .post("/api/v1/invitations").then().spec(Api.problem(409, "quota-exceeded"));

        for (int i = 0; i < 100; i++) {
            Api.as(port, shop).body(product("Article " + i, "ART-" + i)).post("/api/v1/products").then().statusCode(201);
        }
        Api.as(port, shop).body(product("Article de trop", "ART-X")).post("/api/v1/products").then()
                .spec(Api.problem(409, "quota-exceeded")).body("limit", equalTo("products")).body("max", equalTo(100));

        Api.as(port, operator()).body(Map.of("plan", "PRO", "reason", "Passe en Pro")).put(url + "/plan").then()
                .statusCode(200);
        Api.as(port, shop).body(product("Article de trop", "ART-X")).post("/api/v1/products").then().statusCode(201);
    }

    @Test
    void simultaneousCreationsNeverGoBeyondTheLastFreePlaces() throws Exception {
        Account shop = Api.newBusiness(port, "Course au quota");
        Api.as(port, operator()).body(Map.of("plan", "ESSENTIEL", "reason", "Essai de la course"))
                .put("/api/v1/operator/businesses/" + shop.tenantId() + "/plan").then().statusCode(200);
        for (int i = 0; i < 97; i++) {
            Api.as(port, shop).body(product("Article " + i, "RACE-" + i)).post("/api/v1/products").then().statusCode(201);
        }
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Map<String, Object> body = product("Simultané " + i, "SIM-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return Api.as(port, shop).body(body).post("/api/v1/products");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> result : results) {
                Response response = result.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("type")).endsWith("quota-exceeded");
                    assertThat(response.jsonPath().getInt("max")).isEqualTo(100);
                }
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 3);
        } finally {
            pool.shutdownNow();
        }
        Api.as(port, operator()).queryParam("q", shop.tenantSlug()).get("/api/v1/operator/businesses").then()
                .statusCode(200).body("items[0].products", equalTo(100));
    }

    @Test
    void anInvitationAcceptedOnceThePlanIsFullIsRefusedAndCreatesNobody() {
        Account shop = Api.newBusiness(port, "Invitation au quota");
        Api.as(port, operator()).body(Map.of("plan", "ESSENTIEL", "reason", "Essai des invitations"))
                .put("/api/v1/operator/businesses/" + shop.tenantId() + "/plan").then().statusCode(200);
        String email = Api.uniqueEmail("late");
        Api.as(port, shop).body(Map.of("email", email, "role", "VIEWER")).post("/api/v1/invitations").then()
                .statusCode(201);
        String token = mailbox.latestInvitation(email).token();
        Api.newUser(port, shop, "MANAGER");
        Api.newUser(port, shop, "VIEWER");

        WebSession web = new WebSession(port);
        web.get("/invitation?token=" + token);
        WebSession.Page refused = web.post("/invitation", Map.of("token", token, "name", "Trop tard",
                "password", "la-phrase-du-retardataire"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("data-conflict").contains("nombre d’utilisateurs que permet son offre");
        Api.as(port, shop).get("/api/v1/users").then().statusCode(200).body("total", equalTo(3))
                .body("items.email", not(hasItem(email)));
        Api.as(port, shop).get("/api/v1/invitations").then().statusCode(200).body("email", hasItem(email));
        Api.login(port, email, "la-phrase-du-retardataire").then().statusCode(401);
    }

    @Test
    void aPlanRefusesTheOrderBeyondItsMonthlyQuotaAndTheConsoleShowsTheMonth() {
        Account shop = Api.newBusiness(port, "Commandes au quota");
        String url = "/api/v1/operator/businesses/" + shop.tenantId();
        Api.as(port, operator()).body(Map.of("plan", "ESSENTIEL", "reason", "Essai des commandes")).put(url + "/plan")
                .then().statusCode(200).body("maxOrdersPerMonth", equalTo(300));
        String variant = Api.as(port, shop).body(product("Savon", "SAV-1")).post("/api/v1/products").then()
                .statusCode(201).extract().path("variants[0].id");
        Map<String, Object> order = Map.of("customer", Map.of("name", "Client de passage", "phone", "0600000000"),
                "lines", List.of(Map.of("variantId", variant, "quantity", 1)));
        for (int i = 0; i < 300; i++) {
            Api.as(port, shop).body(order).post("/api/v1/orders").then().statusCode(201);
        }

        Api.as(port, shop).body(order).post("/api/v1/orders").then().spec(Api.problem(409, "quota-exceeded"))
                .body("limit", equalTo("orders")).body("plan", equalTo("ESSENTIEL")).body("max", equalTo(300))
                .body("used", equalTo(300)).body("period", equalTo("month"));
        Api.as(port, operator()).queryParam("reason", "Contrôle des commandes").get(url).then().statusCode(200)
                .body("business.ordersThisMonth", equalTo(300)).body("business.orders", equalTo(300));
        WebSession web = new WebSession(port);
        web.signIn(IntegrationTest.OPERATOR_EMAIL, Api.PASSWORD);
        assertThat(web.get("/operator/businesses/" + shop.tenantId() + "?reason=Relecture").body())
                .contains("data-orders-this-month>300 / 300<");

        Api.as(port, operator()).body(Map.of("plan", "PRO", "reason", "Passe en Pro")).put(url + "/plan").then()
                .statusCode(200);
        Api.as(port, shop).body(order).post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void anOperatorNamesAnotherFromTheConsoleAndTakesTheRoleBackButNeverTheConfiguredOnesNorTheirOwn() {
        Account colleague = Api.newBusiness(port, "Second opérateur");
        Api.as(port, colleague).get("/api/v1/operator/businesses").then().spec(Api.problem(403, "forbidden"));

        Api.as(port, operator()).body(Map.of("email", Api.uniqueEmail("nobody"), "reason", "Renfort"))
                .post("/api/v1/operator/operators").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("email"));
        Api.as(port, operator()).body(Map.of("email", colleague.email())).post("/api/v1/operator/operators").then()
                .spec(Api.problem(400, "validation")).body("errors.field", hasItem("reason"));
        Api.as(port, operator()).body(Map.of("email", colleague.email().toUpperCase(), "reason", "Renfort du support"))
                .post("/api/v1/operator/operators").then().statusCode(201).body("email", equalTo(colleague.email()))
                .body("configured", equalTo(false)).body("grantedBy", equalTo(IntegrationTest.OPERATOR_EMAIL));
        Api.as(port, operator()).body(Map.of("email", colleague.email(), "reason", "encore"))
                .post("/api/v1/operator/operators").then().spec(Api.problem(409, "already-operator"));

        Api.as(port, colleague).get("/api/v1/operator/businesses").then().statusCode(200);
        JsonPath list = Api.as(port, colleague).get("/api/v1/operator/operators").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("findAll { it.configured }.email")).contains(IntegrationTest.OPERATOR_EMAIL);
        assertThat(list.getList("findAll { !it.configured }.email")).contains(colleague.email());
        Api.as(port, colleague).body(Map.of("email", IntegrationTest.OPERATOR_EMAIL, "reason", "Coup d'État"))
                .post("/api/v1/operator/operators/revoke").then().spec(Api.problem(409, "configured-operator"));
        Api.as(port, colleague).body(Map.of("email", colleague.email(), "reason", "Je pars"))
                .post("/api/v1/operator/operators/revoke").then().spec(Api.problem(409, "self-change-refused"));
        WebSession web = new WebSession(port);
        web.signIn(colleague.email(), colleague.password());
        WebSession.Page page = web.get("/operator/operators");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-operator=\"" + colleague.email() + "\"")
                .contains("data-operator=\"" + IntegrationTest.OPERATOR_EMAIL + "\"");

        Api.as(port, operator()).body(Map.of("email", colleague.email(), "reason", "Fin du renfort"))
                .post("/api/v1/operator/operators/revoke").then().statusCode(204);
        Api.as(port, colleague).get("/api/v1/operator/businesses").then().spec(Api.problem(403, "forbidden"));
        assertThat(web.get("/operator/operators").status()).isEqualTo(403);
        Api.as(port, operator()).body(Map.of("email", colleague.email(), "reason", "encore"))
                .post("/api/v1/operator/operators/revoke").then().spec(Api.problem(409, "not-operator"));

        JsonPath journal = Api.as(port, operator()).queryParam("businessId", colleague.tenantId())
                .get("/api/v1/operator/actions").then().statusCode(200).extract().jsonPath();
        assertThat(journal.getList("items.action")).containsExactly("REVOKE_OPERATOR", "GRANT_OPERATOR");
        assertThat(journal.getList("items.reason")).containsExactly("Fin du renfort", "Renfort du support");
        assertThat(journal.getList("items.details")).containsOnly(colleague.email());
    }

    @Test
    void everyActOfTheOperatorIsJournaledWithItsReason() {
        Account shop = Api.newBusiness(port, "Journal");
        String url = "/api/v1/operator/businesses/" + shop.tenantId();

        Api.as(port, operator()).get(url).then().spec(Api.problem(400, "validation")).body("errors.field", hasItem("reason"));
        Api.as(port, operator()).queryParam("reason", "Demande du support n°42").get(url).then().statusCode(200)
                .body("business.slug", equalTo(shop.tenantSlug())).body("business.users", equalTo(1));
        Api.as(port, operator()).body(Map.of("reason", "Contrôle")).post(url + "/suspend").then().statusCode(200);
        Api.as(port, operator()).body(Map.of("reason", "Contrôle terminé")).post(url + "/resume").then().statusCode(200);

        JsonPath journal = Api.as(port, operator()).queryParam("businessId", shop.tenantId())
                .get("/api/v1/operator/actions").then().statusCode(200).extract().jsonPath();
        assertThat(journal.getList("items.action")).containsExactly("RESUME", "SUSPEND", "READ_DETAIL");
        assertThat(journal.getList("items.reason")).containsExactly("Contrôle terminé", "Contrôle", "Demande du support n°42");
        assertThat(journal.getList("items.operatorEmail")).containsOnly(IntegrationTest.OPERATOR_EMAIL);

        WebSession web = new WebSession(port);
        web.signIn(IntegrationTest.OPERATOR_EMAIL, Api.PASSWORD);
        assertThat(web.get("/operator/businesses/" + shop.tenantId()).body()).contains("data-reason-form");
        WebSession.Page detail = web.get("/operator/businesses/" + shop.tenantId() + "?reason=Relecture");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("data-usage").contains("Demande du support n°42");
        WebSession.Page suspended = web.post("/operator/businesses/" + shop.tenantId() + "/suspend",
                Map.of("reason", "Par la page"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.body()).contains("data-suspended").contains("Par la page");
        assertThat(web.get("/operator/actions").body()).contains("Par la page").contains("Relecture");
    }
}
