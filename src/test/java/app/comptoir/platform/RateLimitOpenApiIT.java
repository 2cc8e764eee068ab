package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The served OpenAPI document says that every operation may answer 429: a problem detail with Retry-After and the
 * RateLimit fields, as the rate limits send it.
 */
@IntegrationTest
class RateLimitOpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationDeclaresTheTooManyRequestsAnswer() {
        JsonPath doc = JsonPath.from(Api.given(port).accept("application/json").get("/api/docs/openapi.json")
                .then().statusCode(200).extract().asString());

        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (operation.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                assertThat(doc.getString("paths.'" + path.getKey() + "'." + operation.getKey() + ".responses.'429'.$ref"))
                        .as("%s %s", operation.getKey(), path.getKey())
                        .isEqualTo("#/components/responses/TooManyRequests");
            }
        }
        assertThat(operations).isGreaterThan(100);

        assertThat(doc.getMap("components.responses.TooManyRequests.headers"))
                .containsOnlyKeys("Retry-After", "RateLimit-Policy", "RateLimit");
        assertThat(doc.getString("components.headers.Retry-After.schema.type")).isEqualTo("integer");
        String problem = doc.getString(
                "components.responses.TooManyRequests.content.'application/problem+json'.schema.$ref");
        assertThat(problem).startsWith("#/components/schemas/");
        assertThat(doc.getMap("components.schemas." + problem.substring("#/components/schemas/".length())
                + ".properties")).containsKeys("type", "title", "status", "detail");
    }
}
