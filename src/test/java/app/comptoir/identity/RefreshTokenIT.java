package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class RefreshTokenIT {

    @LocalServerPort
    int port;

    @Test
    void refreshingGivesANewPairOfTokensForTheSameUser() {
        Account admin = Api.newBusiness(port, "Rotation");

        JsonPath refreshed = refresh(admin.refreshToken()).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("user.id", equalTo(admin.userId().toString()))
                .body("tenant.id", equalTo(admin.tenantId().toString()))
                .extract().jsonPath();

        assertThat(refreshed.getString("refreshToken")).isNotEqualTo(admin.refreshToken());
        Api.as(port, refreshed.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("user.id", equalTo(admin.userId().toString()));
        refresh(refreshed.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        Account admin = Api.newBusiness(port, "Vol de jeton");
        String second = refresh(admin.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        refresh(admin.refreshToken()).then().spec(Api.problem(401, "refresh-token-reused"));

        refresh(second).then().spec(Api.problem(401, "invalid-refresh-token"));
    }

    @Test
    void reuseRevokesOnlyTheSessionItBelongsTo() {
        Account admin = Api.newBusiness(port, "Deux appareils");
        String otherDevice = Api.login(port, admin.email(), admin.password()).then().statusCode(200)
                .extract().path("refreshToken");
        refresh(admin.refreshToken()).then().statusCode(200);

        refresh(admin.refreshToken()).then().spec(Api.problem(401, "refresh-token-reused"));

        refresh(otherDevice).then().statusCode(200);
    }

    @Test
    void twoSimultaneousRefreshesWithOneTokenSucceedOnlyOnce() throws Exception {
        Account admin = Api.newBusiness(port, "Course");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> attempt = () -> {
            start.await();
            return refresh(admin.refreshToken()).statusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = List.of(pool.submit(attempt), pool.submit(attempt));
            start.countDown();

            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loggingOutRevokesTheRefreshToken() {
        Account admin = Api.newBusiness(port, "Déconnexion");

        Api.given(port).body(Map.of("refreshToken", admin.refreshToken())).post("/api/v1/auth/logout")
                .then().statusCode(204);

        refresh(admin.refreshToken()).then().spec(Api.problem(401, "invalid-refresh-token"));
    }

    @Test
    void loggingOutWithAnUnknownTokenOrNoneIsHarmless() {
        Api.given(port).body(Map.of("refreshToken", "not-a-token")).post("/api/v1/auth/logout").then().statusCode(204);
        Api.given(port).body(Map.of()).post("/api/v1/auth/logout").then().statusCode(204);
        Api.given(port).post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void aForgedRefreshTokenIsRefused() {
        Account admin = Api.newBusiness(port, "Faux jeton");
        Account other = Api.newBusiness(port, "Autre commerce");
        String[] parts = admin.refreshToken().split("\\.");

        refresh("garbage").then().spec(Api.problem(401, "invalid-refresh-token"));
        refresh(parts[0] + "." + parts[1] + ".wrong-secret").then().spec(Api.problem(401, "invalid-refresh-token"));
        refresh(other.tenantId() + "." + parts[1] + "." + parts[2]).then().spec(Api.problem(401, "invalid-refresh-token"));
        refresh(UUID.randomUUID() + "." + UUID.randomUUID() + "." + parts[2])
                .then().spec(Api.problem(401, "invalid-refresh-token"));

        refresh(admin.refreshToken()).then().statusCode(200);
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        Account admin = Api.newBusiness(port, "Mauvais jeton");

        Api.as(port, admin.refreshToken()).get("/api/v1/auth/me").then().spec(Api.problem(401, "invalid-token"));
    }

    @Test
    void aMissingRefreshTokenIsAValidationError() {
        Api.given(port).body(Map.of()).post("/api/v1/auth/refresh")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("refreshToken"));
    }

    private Response refresh(String refreshToken) {
        return Api.given(port).body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }
}
