package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IdentityLinks;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * A forgotten password through the API and the pages: the same answer for every address, a link that works
 * once for 30 minutes, and a reset that ends every session and token of the account.
 */
@IntegrationTest
class PasswordResetIT {

    private static final String NEW_PASSWORD = "une-toute-nouvelle-phrase";

    @LocalServerPort
    int port;

    @Autowired
    IdentityLinks mailbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aResetLinkSetsANewPasswordAndEndsEveryOldSessionAndToken() {
        Account owner = Api.newBusiness(port, "Mot de passe oublié");
        ask(owner.email()).then().statusCode(202);
        PasswordResetRequested mail = mailbox.reset(owner.email(), 1);
        assertThat(mail.userId()).isEqualTo(owner.userId());
        assertThat(mail.tenantId()).isEqualTo(owner.tenantId());
        assertThat(mail.locale()).isEqualTo("fr");
        assertThat(mail.token()).hasSize(43);
        assertThat(mail.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(29)),
                Instant.now().plus(Duration.ofMinutes(31)));
        // Only the token's hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from password_resets where token_hash = ?", Integer.class,
                mail.token())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from password_resets where token_hash = "
                + "encode(sha256(convert_to(?, 'UTF8')), 'hex')", Integer.class, mail.token())).isEqualTo(1);

        confirm(mail.token(), NEW_PASSWORD).then().statusCode(204);

        Api.login(port, owner.email(), NEW_PASSWORD).then().statusCode(200);
        Api.login(port, owner.email(), owner.password()).then().spec(Api.problem(401, "invalid-credentials"));
        Api.given(port).body(Map.of("refreshToken", owner.refreshToken())).post("/api/v1/auth/refresh")
                .then().statusCode(401);
        Api.as(port, owner).get("/api/v1/auth/me").then().statusCode(401);

        String token = Api.token(port, owner.email(), NEW_PASSWORD);
        Api.as(port, token).queryParam("entityType", "user").queryParam("entityId", owner.userId())
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("PASSWORD_RESET"))
                .body("items.action", hasItem("RESET_REQUEST"))
                .body("items.find { it.action == 'PASSWORD_RESET' }.actor", equalTo(owner.email()));
    }

    @Test
    void anUnknownAddressGetsExactlyTheSameAnswerAndNoEmail() {
        Account owner = Api.newBusiness(port, "Pas d'énumération");
        String unknown = Api.uniqueEmail("nobody");
        Response forUnknown = ask(unknown);
        Response forKnown = ask(owner.email());
        assertThat(forUnknown.statusCode()).isEqualTo(202).isEqualTo(forKnown.statusCode());
        assertThat(forUnknown.body().asString()).isEqualTo(forKnown.body().asString());
        mailbox.reset(owner.email(), 1);
        assertThat(mailbox.resetsFor(unknown)).isEmpty();

        WebSession web = new WebSession(port);
        web.get("/forgot-password");
        WebSession.Page unknownPage = web.post("/forgot-password", Map.of("email", unknown));
        WebSession.Page knownPage = web.post("/forgot-password", Map.of("email", owner.email()));
        assertThat(unknownPage.status()).isEqualTo(200).isEqualTo(knownPage.status());
        assertThat(unknownPage.body()).contains("Si un compte existe pour cette adresse, un e-mail vient d’être envoyé");
        assertThat(knownPage.body()).contains("Si un compte existe pour cette adresse, un e-mail vient d’être envoyé");
    }

    @Test
    void aLinkWorksOnlyOnce() {
        Account owner = Api.newBusiness(port, "Lien à usage unique");
        ask(owner.email()).then().statusCode(202);
        String token = mailbox.reset(owner.email(), 1).token();
        confirm(token, NEW_PASSWORD).then().statusCode(204);

        confirm(token, "encore-une-autre-phrase").then().spec(Api.problem(410, "reset-link-used"));
        Api.login(port, owner.email(), NEW_PASSWORD).then().statusCode(200);
        WebSession.Page page = new WebSession(port).get("/reset-password?token=" + token);
        assertThat(page.body()).contains("data-reason=\"USED\"").contains("Ce lien a déjà servi")
                .contains("href=\"/forgot-password\"");
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedClearly() {
        Account owner = Api.newBusiness(port, "Lien expiré");
        ask(owner.email()).then().statusCode(202);
        String token = mailbox.reset(owner.email(), 1).token();
        jdbc.update("update password_resets set expires_at = now() - interval '1 minute' where user_id = ?",
                owner.userId());

        confirm(token, NEW_PASSWORD).then().spec(Api.problem(410, "reset-link-expired"));
        Api.login(port, owner.email(), owner.password()).then().statusCode(200);
        assertThat(new WebSession(port).get("/reset-password?token=" + token).body())
                .contains("data-reason=\"EXPIRED\"").contains("Ce lien a expiré");

        confirm("not-a-token", NEW_PASSWORD).then().spec(Api.problem(410, "reset-link-invalid"));
        assertThat(new WebSession(port).get("/reset-password").body()).contains("data-reason=\"INVALID\"");
    }

    @Test
    void aWeakPasswordIsRefusedNextToItsFieldAndTheLinkStillWorks() {
        Account owner = Api.newBusiness(port, "Mot de passe faible");
        ask(owner.email()).then().statusCode(202);
        String token = mailbox.reset(owner.email(), 1).token();

        confirm(token, "1234").then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("password"));
        WebSession web = new WebSession(port);
        web.get("/reset-password?token=" + token);
        WebSession.Page page = web.post("/reset-password", Map.of("token", token, "password", "short"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"password-error\"").doesNotContain("value=\"short\"");

        WebSession.Page done = web.post("/reset-password", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(done.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));
        Api.login(port, owner.email(), NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void askingIsThrottledPerAddress() {
        String email = Api.uniqueEmail("flood");
        for (int i = 0; i < 3; i++) {
            ask(email).then().statusCode(202);
        }
        ask(email).then().spec(Api.problem(429, "too-many-requests")).header("Retry-After", not(emptyOrNullString()));
        // Another address is not slowed down by it.
        ask(Api.uniqueEmail("other")).then().statusCode(202);
    }

    private Response ask(String email) {
        return Api.given(port).body(Map.of("email", email)).post("/api/v1/auth/password-reset");
    }

    private Response confirm(String token, String password) {
        return Api.given(port).body(Map.of("token", token, "password", password))
                .post("/api/v1/auth/password-reset/confirm");
    }
}
