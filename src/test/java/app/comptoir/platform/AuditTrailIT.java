package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Test
    void aUsersWholeLifeIsInTheTrailWithBeforeAndAfter() {
        Account admin = Api.newBusiness(port, "Historique");
        String requestId = "audit-" + UUID.randomUUID();
        String email = Api.uniqueEmail("lea");
        String id = Api.as(port, admin).header("X-Request-Id", requestId)
                .body(Map.of("email", email, "name", "Léa Petit", "password", Api.PASSWORD, "roles", List.of("VIEWER")))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        Api.as(port, admin).body(Map.of("email", email, "name", "Léa Martin", "roles", List.of("VIEWER", "DRIVER")))
                .put("/api/v1/users/" + id).then().statusCode(200);
        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + id + "/status").then().statusCode(200);
        Api.as(port, admin).delete("/api/v1/users/" + id).then().statusCode(204);

        Api.as(port, admin).get("/api/v1/audit?entityType=user&entityId=" + id).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.action", contains("DELETE", "UPDATE", "UPDATE", "CREATE"))
                .body("items.entityType", everyItem(equalTo("user")))
                .body("items.entityId", everyItem(equalTo(id)))
                .body("items.actor", everyItem(equalTo(admin.email())))
                .body("items.actorId", everyItem(equalTo(admin.userId().toString())))
                .body("items.occurredAt", everyItem(notNullValue()))
                // created
                .body("items[3].requestId", equalTo(requestId))
                .body("items[3].before", nullValue())
                .body("items[3].after.email", equalTo(email))
                .body("items[3].after.name", equalTo("Léa Petit"))
                .body("items[3].after.roles", contains("VIEWER"))
                .body("items[3].after.enabled", equalTo(true))
                .body("items[3].after.passwordHash", equalTo("[redacted]"))
                // renamed and given a role: only what changed
                .body("items[2].before.keySet()", containsInAnyOrder("name", "roles"))
                .body("items[2].before.name", equalTo("Léa Petit"))
                .body("items[2].after.name", equalTo("Léa Martin"))
                .body("items[2].after.roles", contains("DRIVER", "VIEWER"))
                // disabled
                .body("items[1].before", equalTo(Map.of("enabled", true)))
                .body("items[1].after", equalTo(Map.of("enabled", false)))
                // deleted (softly)
                .body("items[0].before.deletedAt", nullValue())
                .body("items[0].after.deletedAt", notNullValue())
                .body("items[0].after.deletedBy", equalTo(admin.userId().toString()));
    }

    @Test
    void passwordHashesNeverAppearInTheTrail() {
        Account admin = Api.newBusiness(port, "Secret");
        Account user = Api.newUser(port, admin, "VIEWER");
        Api.as(port, admin).body(Map.of("email", user.email(), "name", "Same", "roles", List.of("VIEWER"),
                "password", "brand-new-password")).put("/api/v1/users/" + user.userId()).then().statusCode(200);
        // a password change ends the caller's old token and answers with a new one
        String renewed = Api.as(port, admin).body(Map.of("currentPassword", admin.password(),
                        "newPassword", "another-long-secret"))
                .post("/api/v1/auth/change-password").then().statusCode(200).extract().path("accessToken");

        String trail = Api.as(port, renewed).get("/api/v1/audit?size=200").then().statusCode(200)
                .body("items.findAll { it.after?.passwordHash != null }.after.passwordHash", everyItem(equalTo("[redacted]")))
                .body("items.findAll { it.after?.passwordHash != null }", hasSize(4))
                .extract().asString();

        assertThat(trail).doesNotContain("$2a$", "$2b$", "$2y$", "$argon2");
    }

    @Test
    void signingInIsNotRecordedAsAChange() {
        Account admin = Api.newBusiness(port, "Connexions");
        int before = Api.as(port, admin).get("/api/v1/audit").then().extract().path("total");

        Api.login(port, admin.email(), admin.password()).then().statusCode(200);
        Api.login(port, admin.email(), admin.password()).then().statusCode(200);

        Api.as(port, admin).get("/api/v1/audit").then().body("total", equalTo(before));
    }

    @Test
    void aSignupIsRecordedAsDoneByTheSystem() {
        Account admin = Api.newBusiness(port, "Création");

        Api.as(port, admin).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.entityType", containsInAnyOrder("tenant", "user"))
                .body("items.action", everyItem(equalTo("CREATE")))
                .body("items.actor", everyItem(equalTo("system")))
                .body("items.actorId", everyItem(nullValue()));
        Api.as(port, admin).get("/api/v1/audit?entityType=tenant&entityId=" + admin.tenantId()).then()
                .body("items[0].after.slug", equalTo(admin.tenantSlug()));
    }

    @Test
    void theTrailIsNewestFirstAndPaged() {
        Account admin = Api.newBusiness(port, "Pages d'audit");
        for (int i = 0; i < 3; i++) {
            Api.newUser(port, admin, "VIEWER");
        }

        Api.as(port, admin).get("/api/v1/audit?size=2").then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2));
        Api.as(port, admin).get("/api/v1/audit?size=2&page=2").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("CREATE")).body("items[0].actor", equalTo("system"));
        List<String> times = Api.as(port, admin).get("/api/v1/audit").then().extract().path("items.occurredAt");
        assertThat(times).extracting(Instant::parse).isSortedAccordingTo(Comparator.reverseOrder());
        Api.as(port, admin).get("/api/v1/audit?size=0").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        Account admin = Api.newBusiness(port, "Confidentiel");

        for (String role : List.of("VIEWER", "MANAGER", "DRIVER")) {
            Api.as(port, Api.newUser(port, admin, role)).get("/api/v1/audit").then().spec(Api.problem(403, "forbidden"));
        }
    }

    @Test
    void theAuditLogCannotBeRewrittenOrErased() {
        Account admin = Api.newBusiness(port, "Inaltérable");
        int total = Api.as(port, admin).get("/api/v1/audit").then().extract().path("total");
        assertThat(total).isPositive();

        assertThatThrownBy(() -> asTenant(admin, () -> jdbc.update("update audit_log set action = 'FORGED'")))
                .rootCause().hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> asTenant(admin, () -> jdbc.update("delete from audit_log")))
                .rootCause().hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> asTenant(admin, () -> jdbc.update("truncate audit_log")))
                .rootCause().hasMessageContaining("audit_log is append-only");

        Api.as(port, admin).get("/api/v1/audit").then()
                .body("total", equalTo(total))
                .body("items.action", not(contains("FORGED")));
    }

    private int asTenant(Account account, java.util.function.IntSupplier work) {
        return tenantContext.callAs(account.tenantId(),
                () -> new TransactionTemplate(transactionManager).execute(status -> work.getAsInt()));
    }
}
