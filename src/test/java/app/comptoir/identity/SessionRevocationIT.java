package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/**
 * A password change, an administrator's reset and "sign out everywhere" end the other sessions and
 * tokens of the account (its token version rises); parallel logins of one account never conflict;
 * a refresh-token family never outlives its sign-in.
 */
@IntegrationTest
class SessionRevocationIT {

    private static final String NEW_PASSWORD = "another-long-secret";

    @LocalServerPort
    int port;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void parallelLoginsOfOneAccountAllSucceed() throws Exception {
        Account admin = Api.newBusiness(port, "Deux appareils en même temps");
        int logins = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.login(port, admin.email(), admin.password()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void changingThePasswordOnOneWebSessionEndsTheOtherSessionsAndTheOldAccessTokens() {
        Account admin = Api.newBusiness(port, "Changement sur un appareil");
        WebSession mine = signedIn(admin.email(), admin.password());
        WebSession other = signedIn(admin.email(), admin.password());

        Page changed = mine.post("/app/account/password", Map.of("currentPassword", admin.password(),
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location().orElseThrow()).endsWith("/app");
        assertThat(mine.get("/app").status()).isEqualTo(200);
        Page refused = other.get("/app");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location().orElseThrow()).contains("/login");
        assertThat(other.get("/app").location().orElseThrow()).contains("/login");
        Api.as(port, admin).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        Api.given(port).body(Map.of("refreshToken", admin.refreshToken())).post("/api/v1/auth/refresh")
                .then().spec(Api.problem(401, "invalid-refresh-token"));
    }

    @Test
    void changingThePasswordOverTheApiKeepsTheCallerSignedInWithNewTokensOnly() {
        Account admin = Api.newBusiness(port, "Changement par l'API");
        String otherDevice = Api.token(port, admin.email(), admin.password());
        WebSession browser = signedIn(admin.email(), admin.password());

        JsonPath renewed = Api.as(port, admin)
                .body(Map.of("currentPassword", admin.password(), "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/change-password")
                .then().statusCode(200)
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .extract().jsonPath();

        Api.as(port, renewed.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200);
        Api.given(port).body(Map.of("refreshToken", renewed.getString("refreshToken"))).post("/api/v1/auth/refresh")
                .then().statusCode(200);
        Api.as(port, admin).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        Api.as(port, otherDevice).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        assertThat(browser.get("/app").location().orElseThrow()).contains("/login");
    }

    @Test
    void anAdministratorsPasswordResetEndsEverySessionOfTheUser() {
        Account admin = Api.newBusiness(port, "Réinitialisation");
        Account user = Api.newUser(port, admin, "VIEWER");
        WebSession browser = signedIn(user.email(), user.password());

        Api.as(port, admin).body(Map.of("email", user.email(), "name", "Viewer", "roles", List.of("VIEWER"),
                        "password", NEW_PASSWORD))
                .put("/api/v1/users/" + user.userId()).then().statusCode(200);

        Api.as(port, user).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        Api.given(port).body(Map.of("refreshToken", user.refreshToken())).post("/api/v1/auth/refresh")
                .then().spec(Api.problem(401, "invalid-refresh-token"));
        assertThat(browser.get("/app").location().orElseThrow()).contains("/login");
        Api.as(port, admin).get("/api/v1/auth/me").then().statusCode(200);
        Api.login(port, user.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void signingOutEverywhereEndsEveryTokenAndSession() {
        Account admin = Api.newBusiness(port, "Partout");
        String otherDevice = Api.token(port, admin.email(), admin.password());
        WebSession browser = signedIn(admin.email(), admin.password());

        Api.as(port, admin).post("/api/v1/auth/logout-all").then().statusCode(204);

        Api.as(port, admin).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        Api.as(port, otherDevice).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
        Api.given(port).body(Map.of("refreshToken", admin.refreshToken())).post("/api/v1/auth/refresh")
                .then().spec(Api.problem(401, "invalid-refresh-token"));
        assertThat(browser.get("/app").location().orElseThrow()).contains("/login");
        Api.as(port, Api.token(port, admin.email(), admin.password())).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void theSignOutEverywhereButtonEndsThisAndTheOtherSessions() {
        Account admin = Api.newBusiness(port, "Bouton partout");
        WebSession mine = signedIn(admin.email(), admin.password());
        WebSession other = signedIn(admin.email(), admin.password());

        assertThat(mine.get("/app/account/password").body()).contains("/app/account/logout-all");
        Page out = mine.post("/app/account/logout-all", Map.of());

        assertThat(out.location().orElseThrow()).contains("/login?logout");
        assertThat(mine.get("/app").location().orElseThrow()).contains("/login");
        assertThat(other.get("/app").location().orElseThrow()).contains("/login");
        Api.as(port, admin).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-revoked"));
    }

    @Test
    void refreshingNeverExtendsTheFamilyBeyondItsSignIn() {
        Account admin = Api.newBusiness(port, "Famille bornée");
        Instant signInExpiry = expiryOf(admin.tenantId(), admin.refreshToken());

        String rotated = Api.given(port).body(Map.of("refreshToken", admin.refreshToken())).post("/api/v1/auth/refresh")
                .then().statusCode(200).extract().path("refreshToken");

        assertThat(expiryOf(admin.tenantId(), rotated)).isEqualTo(signInExpiry);
    }

    private Instant expiryOf(UUID tenantId, String refreshToken) {
        UUID tokenId = UUID.fromString(refreshToken.split("\\.")[1]);
        return tenantContext.callAs(tenantId, () -> new TransactionTemplate(txManager).execute(status ->
                jdbc.queryForObject("select expires_at from refresh_tokens where id = ?", Instant.class, tokenId)));
    }

    private WebSession signedIn(String email, String password) {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(email, password).location().orElseThrow()).endsWith("/app");
        assertThat(session.get("/app").status()).isEqualTo(200);
        return session;
    }
}
