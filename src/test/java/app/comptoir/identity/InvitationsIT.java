package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IdentityLinks;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * An administrator invites a colleague with a role; the e-mailed link lets the colleague join once, within 7
 * days, unless the invitation was withdrawn or sent again.
 */
@IntegrationTest
class InvitationsIT {

    private static final String PASSWORD = "la-phrase-du-nouveau";

    @LocalServerPort
    int port;

    @Autowired
    IdentityLinks mailbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void anInvitedColleagueJoinsWithTheRoleAndSignsIn() {
        Account admin = Api.newBusiness(port, "Invitations");
        String email = Api.uniqueEmail("colleague");
        String id = invite(admin, email, "MANAGER").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("role", equalTo("MANAGER")).extract().path("id");
        Api.as(port, admin).get("/api/v1/invitations").then().statusCode(200).body("email", contains(email));
        ColleagueInvited mail = mailbox.latestInvitation(email);
        assertThat(mail.invitationId()).hasToString(id);
        assertThat(mail.role()).isEqualTo("MANAGER");
        assertThat(mail.tenantId()).isEqualTo(admin.tenantId());
        assertThat(mail.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(6)));

        WebSession web = new WebSession(port);
        WebSession.Page page = web.get("/invitation?token=" + mail.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Invitations").contains("Gérant").contains(email);
        WebSession.Page invalid = web.post("/invitation", Map.of("token", mail.token(), "name", " ", "password", "court"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"name-error\"").contains("id=\"password-error\"")
                .doesNotContain("value=\"court\"");
        WebSession.Page joined = web.post("/invitation", Map.of("token", mail.token(), "name", "Camille Roux",
                "password", PASSWORD));
        assertThat(joined.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(web.get("/app").status()).isEqualTo(200);

        Api.login(port, email, PASSWORD).then().statusCode(200)
                .body("user.roles", contains("MANAGER")).body("user.name", equalTo("Camille Roux"))
                .body("tenant.id", equalTo(admin.tenantId().toString()));
        Api.as(port, admin).get("/api/v1/invitations").then().statusCode(200).body("email", not(hasItem(email)));
        Api.as(port, admin).queryParam("entityType", "invitation").queryParam("entityId", id).get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItems("INVITE", "ACCEPT"))
                .body("items.find { it.action == 'ACCEPT' }.actor", equalTo(email));
    }

    @Test
    void anAcceptedInvitationCannotBeUsedAgain() {
        Account admin = Api.newBusiness(port, "Invitation réutilisée");
        String email = Api.uniqueEmail("once");
        invite(admin, email, "DRIVER").then().statusCode(201);
        String token = mailbox.latestInvitation(email).token();
        WebSession web = new WebSession(port);
        web.get("/invitation?token=" + token);
        web.post("/invitation", Map.of("token", token, "name", "Premier", "password", PASSWORD));

        WebSession other = new WebSession(port);
        assertThat(other.get("/invitation?token=" + token).body()).contains("data-reason=\"USED\"")
                .contains("Cette invitation a déjà été acceptée");
        WebSession.Page again = other.post("/invitation", Map.of("token", token, "name", "Second",
                "password", "une-autre-phrase-longue"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("data-reason=\"USED\"");
        Api.login(port, email, "une-autre-phrase-longue").then().statusCode(401);
    }

    @Test
    void aRevokedInvitationIsRefused() {
        Account admin = Api.newBusiness(port, "Invitation retirée");
        String email = Api.uniqueEmail("revoked");
        String id = invite(admin, email, "VIEWER").then().statusCode(201).extract().path("id");
        String token = mailbox.latestInvitation(email).token();
        Api.as(port, admin).delete("/api/v1/invitations/" + id).then().statusCode(204);

        Api.as(port, admin).get("/api/v1/invitations").then().body("email", not(hasItem(email)));
        WebSession web = new WebSession(port);
        assertThat(web.get("/invitation?token=" + token).body()).contains("data-reason=\"REVOKED\"")
                .contains("Cette invitation a été retirée");
        WebSession.Page page = web.post("/invitation", Map.of("token", token, "name", "Trop tard",
                "password", PASSWORD));
        assertThat(page.body()).contains("data-reason=\"REVOKED\"");
        Api.login(port, email, PASSWORD).then().statusCode(401);
        Api.as(port, admin).post("/api/v1/invitations/" + id + "/resend").then().spec(Api.problem(409, "invitation-revoked"));
    }

    @Test
    void anAddressThatAlreadyHasAnAccountOrAnInvitationIsRefused() {
        Account admin = Api.newBusiness(port, "Doublons");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        invite(admin, viewer.email().toUpperCase(), "MANAGER").then().spec(Api.problem(409, "already-a-user"));
        Account stranger = Api.newBusiness(port, "Autre commerce");
        invite(admin, stranger.email(), "MANAGER").then().spec(Api.problem(409, "email-taken"));

        String email = Api.uniqueEmail("twice");
        invite(admin, email, "MANAGER").then().statusCode(201);
        invite(admin, email, "VIEWER").then().spec(Api.problem(409, "already-invited"));
        invite(admin, "not an address", "VIEWER").then().spec(Api.problem(400, "validation"));

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        web.get("/app/users/invite");
        WebSession.Page page = web.post("/app/users/invite", Map.of("email", viewer.email(), "role", "MANAGER"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"email-error\"")
                .contains("Cette adresse est déjà celle d’un utilisateur de votre commerce.");
    }

    @Test
    void sendingAgainReplacesTheLinkAndAnExpiredOneIsRefused() {
        Account admin = Api.newBusiness(port, "Invitation renvoyée");
        String email = Api.uniqueEmail("resent");
        String id = invite(admin, email, "VIEWER").then().statusCode(201).extract().path("id");
        String first = mailbox.latestInvitation(email).token();
        Api.as(port, admin).post("/api/v1/invitations/" + id + "/resend").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        String second = mailbox.latestInvitation(email).token();
        assertThat(second).isNotEqualTo(first);
        WebSession web = new WebSession(port);
        assertThat(web.get("/invitation?token=" + first).body()).contains("data-reason=\"INVALID\"");

        tenantContext.runAs(admin.tenantId(), () -> new TransactionTemplate(txManager).executeWithoutResult(s ->
                jdbc.update("update invitations set expires_at = now() - interval '1 minute' where id = ?",
                        UUID.fromString(id))));
        assertThat(web.get("/invitation?token=" + second).body()).contains("data-reason=\"EXPIRED\"")
                .contains("Cette invitation a expiré");
        Api.as(port, admin).get("/api/v1/invitations").then().body("find { it.id == '" + id + "' }.status",
                equalTo("EXPIRED"));
        // Sending an expired invitation again gives it 7 more days.
        Api.as(port, admin).post("/api/v1/invitations/" + id + "/resend").then().statusCode(200);
        String third = mailbox.latestInvitation(email).token();
        assertThat(web.get("/invitation?token=" + third).body()).doesNotContain("data-reason");
    }

    private Response invite(Account admin, String email, String role) {
        return Api.as(port, admin).body(Map.of("email", email, "role", role)).post("/api/v1/invitations");
    }
}
