package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class OperabilityIT {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    @Autowired
    HealthContributorRegistry health;

    @Test
    void healthIsUpAndChecksTheDatabase() {
        RestAssured.given().port(port).get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("components.db.status", equalTo("UP"));

        // the indicator behind it really queries the database
        assertThat(health.getContributor("db")).isInstanceOfSatisfying(HealthIndicator.class,
                db -> assertThat(db.health().getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void kubernetesProbesAreUp() {
        RestAssured.given().port(port).get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().port(port).get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusExposesJvmAndHttpMetrics() {
        Api.login(port, Api.uniqueEmail("metrics"), "no-such-account").then().statusCode(401);

        String metrics = RestAssured.given().port(port).get("/actuator/prometheus").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();

        assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/auth/login\"");
    }

    @Test
    void infoNamesTheApplicationAndItsVersion() {
        RestAssured.given().port(port).get("/actuator/info").then().statusCode(200)
                .body("app.name", equalTo("Comptoir"))
                .body("app.version", matchesPattern("\\d+\\.\\d+\\.\\d+.*"))
                .body("java.version", matchesPattern("\\d+.*"));
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpoint() {
        RestAssured.given().port(port).get("/api/docs/openapi.json").then().statusCode(200)
                .body("openapi", matchesPattern("3\\..*"))
                .body("paths.keySet()", hasItems(
                        "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                        "/api/v1/auth/me", "/api/v1/auth/change-password",
                        "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/{id}/status", "/api/v1/users/roles",
                        "/api/v1/tenant", "/api/v1/audit"))
                .body("paths.'/api/v1/users'.keySet()", containsInAnyOrder("get", "post"))
                .body("paths.'/api/v1/users/{id}'.keySet()", containsInAnyOrder("get", "put", "delete"))
                .body("paths.'/api/v1/users/{id}/status'.keySet()", containsInAnyOrder("patch"))
                .body("paths.'/api/v1/tenant'.keySet()", containsInAnyOrder("get", "put"))
                .body("paths.'/api/v1/audit'.get.parameters.name", hasItems("entityType", "entityId", "page", "size"));
    }

    @Test
    void swaggerUiIsServedWithoutSigningIn() {
        RestAssured.given().port(port).redirects().follow(true).get("/api/docs").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-initializer.js"));
        RestAssured.given().port(port).get("/api/swagger-ui/swagger-initializer.js").then().statusCode(200);
        RestAssured.given().port(port).get("/api/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        RestAssured.given().port(port).get("/api/docs/openapi.json/swagger-config").then().statusCode(200)
                .body("url", equalTo("/api/docs/openapi.json"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        RestAssured.given().port(port).get("/actuator/health").then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        Api.given(port).get("/api/v1/auth/me").then().statusCode(401)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        Api.given(port).body(Map.of()).post("/api/v1/auth/login").then().statusCode(400)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void aSaneIncomingRequestIdIsEchoedAndAnyOtherReplaced() {
        Api.given(port).header("X-Request-Id", "lb-7f3a.trace_42").get("/api/v1/auth/me").then()
                .header("X-Request-Id", equalTo("lb-7f3a.trace_42"));
        Api.given(port).header("X-Request-Id", "two words").get("/api/v1/auth/me").then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        Api.given(port).header("X-Request-Id", "x".repeat(65)).get("/api/v1/auth/me").then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        Api.given(port).header("X-Request-Id", "<script>").get("/api/v1/auth/me").then()
                .header("X-Request-Id", not(containsString("<")));
    }
}
