package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The operator console through the real security chain: the deployment's operator (listed in
 * COMPTOIR_OPERATOR_EMAILS) sees every business's usage, suspends and resumes one, changes its plan, and every act
 * is journaled with its reason; anyone else is refused.
 */
@IntegrationTest
class OperatorConsoleIT {

    private static Account operator;

    @LocalServerPort
    int port;

    /** The operator: a staff user of their own business, whose e-mail the deployment lists (signed up once per JVM). */
    private synchronized Account operator() {
        if (operator == null) {
            JsonPath body = Api.given(port).body(Map.of("businessName", "Opérateur du service",
                            "email", IntegrationTest.OPERATOR_EMAIL, "password", Api.PASSWORD))
                    .post("/api/v1/auth/signup").then().statusCode(201).extract().jsonPath();
            operator = new Account(java.util.UUID.fromString(body.getString("tenant.id")), body.getString("tenant.slug"),
                    java.util.UUID.fromString(body.getString("user.id")), IntegrationTest.OPERATOR_EMAIL, Api.PASSWORD,
                    body.getString("accessToken"), body.getString("refreshToken"));
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
