package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Over HTTP every request comes from one address: after five failures in a row that account and address
 * wait (the per-address limit is raised for tests, the first delay is a minute so that a slow machine
 * does not outrun it). Strangers at other addresses and two nodes: {@code LoginThrottleDatabaseIT}.
 */
@IntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;

    @Test
    void aSixthAttemptAfterFiveFailuresIsRefusedWithRetryAfter() {
        Account admin = Api.newBusiness(port, "Force brute");
        failFiveTimes(admin.email());

        String retryAfter = Api.login(port, admin.email(), "still-not-it")
                .then().spec(Api.problem(429, "too-many-requests"))
                .extract().header("Retry-After");

        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L);
    }

    @Test
    void aWaitingAccountRefusesEvenTheRightPassword() {
        Account admin = Api.newBusiness(port, "Verrou");
        failFiveTimes(admin.email());

        var refused = Api.login(port, admin.email(), admin.password())
                .then().spec(Api.problem(429, "too-many-requests")).extract();

        assertThat(refused.jsonPath().getLong("retryAfterSeconds")).isEqualTo(Long.parseLong(refused.header("Retry-After")));
    }

    @Test
    void anotherAccountIsNotAffected() {
        Account victim = Api.newBusiness(port, "Cible");
        Account bystander = Api.newBusiness(port, "Voisin");
        failFiveTimes(victim.email());

        Api.login(port, bystander.email(), bystander.password()).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        Account admin = Api.newBusiness(port, "Étourdi");
        for (int i = 0; i < 4; i++) {
            Api.login(port, admin.email(), "typo-" + i).then().statusCode(401);
        }
        Api.login(port, admin.email(), admin.password()).then().statusCode(200);

        failFiveTimes(admin.email());

        Api.login(port, admin.email(), admin.password()).then().statusCode(429);
    }

    @Test
    void unknownAccountsAreThrottledLikeRealOnes() {
        String nobody = Api.uniqueEmail("nobody");
        failFiveTimes(nobody);

        Api.login(port, nobody, "whatever-it-is").then().spec(Api.problem(429, "too-many-requests"));
    }

    @Test
    void changingThePasswordIsThrottledAfterFiveWrongCurrentPasswords() {
        Account admin = Api.newBusiness(port, "Devinette");
        for (int i = 0; i < 5; i++) {
            changePassword(admin, "wrong-current-" + i)
                    .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("currentPassword"));
        }

        String retryAfter = changePassword(admin, admin.password())
                .then().spec(Api.problem(429, "too-many-requests"))
                .extract().header("Retry-After");

        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L);
    }

    @Test
    void wrongCurrentPasswordsAndFailedLoginsCountTogether() {
        Account admin = Api.newBusiness(port, "Deux portes");
        for (int i = 0; i < 3; i++) {
            changePassword(admin, "wrong-current-" + i).then().statusCode(400);
        }
        for (int i = 0; i < 2; i++) {
            Api.login(port, admin.email(), "wrong-password-" + i).then().statusCode(401);
        }

        Api.login(port, admin.email(), admin.password()).then().spec(Api.problem(429, "too-many-requests"));
    }

    @Test
    void thePasswordPageSaysHowLongToWaitNextToTheCurrentPassword() {
        Account admin = Api.newBusiness(port, "Page patiente");
        WebSession session = new WebSession(port);
        session.signIn(admin.email(), admin.password());
        session.get("/app/account/password"); // the CSRF token of the signed-in session
        for (int i = 0; i < 5; i++) {
            assertThat(session.post("/app/account/password", passwordForm("wrong-current-" + i)).body())
                    .contains("currentPassword-error");
        }

        WebSession.Page refused = session.post("/app/account/password", passwordForm(admin.password()));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("currentPassword-error").containsPattern("(Réessayez dans|Try again in) \\d+ second");
    }

    private static Map<String, String> passwordForm(String currentPassword) {
        return Map.of("currentPassword", currentPassword, "newPassword", "another-long-secret",
                "confirmPassword", "another-long-secret");
    }

    private Response changePassword(Account account, String currentPassword) {
        return Api.as(port, account).body(Map.of("currentPassword", currentPassword, "newPassword", "another-long-secret"))
                .post("/api/v1/auth/change-password");
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < 5; i++) {
            Api.login(port, email, "wrong-password-" + i).then().spec(Api.problem(401, "invalid-credentials"));
        }
    }
}
