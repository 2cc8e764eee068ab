package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.SecondNode;

/**
 * The staff API's rate limits over real HTTP: every authenticated answer tells the client its allowance, and a
 * business or a user over its limit gets 429 with {@code Retry-After} while other businesses go on. The low limits
 * run on a second node beside the shared context (same database and keys, so the same tokens), whose own settings
 * they are; the shared context's limits are far above what the other tests send. The counters themselves are shared
 * by both nodes (PostgreSQL): the suite's node sees the requests the other one counted.
 */
@IntegrationTest
class ApiRateLimitIT {

    private static final String ME = "/api/v1/auth/me";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyAuthenticatedAnswerCarriesThePoliciesAndWhatIsLeftOfThem() {
        Account admin = Api.newBusiness(port, "Quincaillerie en-têtes");

        Api.as(port, admin).get(ME).then().statusCode(200)
                .header("RateLimit-Policy", equalTo("\"business\";q=100000000;w=60, \"user\";q=100000000;w=60"))
                .header("RateLimit", matchesPattern("\"business\";r=\\d+;t=\\d+, \"user\";r=99999999;t=\\d+"))
                .header("Retry-After", nullValue());
        Api.as(port, admin).get(ME).then().statusCode(200)
                .header("RateLimit", matchesPattern("\"business\";r=\\d+;t=\\d+, \"user\";r=99999998;t=\\d+"));
        // Not counted here: the sign-in has its own throttle.
        Api.login(port, admin.email(), admin.password()).then().statusCode(200).header("RateLimit", nullValue());
    }

    @Test
    void aBusinessOverItsLimitIsRefusedWhileAnotherGoesOnAndAUserHasATighterLimitOfTheirOwn() throws Exception {
        try (SecondNode node = SecondNode.beside(context, Map.of(
                "comptoir.api.rate-limit.per-business", "5",
                "comptoir.api.rate-limit.per-user", "3",
                "comptoir.api.rate-limit.window", "1h"))) {
            int limited = node.port();
            // Made on the limited node: the counters are shared by every node, their windows start with these.
            Account owner = Api.newBusiness(limited, "Épicerie pressée");
            Account clerk = Api.newUser(limited, owner, "VIEWER"); // the owner's first counted request
            Account other = Api.newBusiness(limited, "Librairie tranquille");
            for (int left = 1; left >= 0; left--) {
                Api.as(limited, owner).get(ME).then().statusCode(200)
                        .header("RateLimit-Policy", equalTo("\"business\";q=5;w=3600, \"user\";q=3;w=3600"))
                        .header("RateLimit", matchesPattern("\"business\";r=" + (left + 2) + ";t=\\d+, \"user\";r="
                                + left + ";t=\\d+"));
            }

            // The owner's fourth request: over the user's limit, not the business's (which it does not spend).
            Response userRefused = Api.as(limited, owner).get(ME);
            userRefused.then().spec(Api.problem(429, "too-many-requests"))
                    .body("limit", equalTo("user"))
                    .header("RateLimit", matchesPattern("\"user\";r=0;t=\\d+"));
            assertRetryAfterWithinTheWindow(userRefused);

            // The clerk of the same business spends its last two requests, then the business is refused.
            Api.as(limited, clerk).get(ME).then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"business\";r=1;t=\\d+, \"user\";r=2;t=\\d+"));
            Api.as(limited, clerk).get(ME).then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"business\";r=0;t=\\d+, \"user\";r=1;t=\\d+"));
            Response businessRefused = Api.as(limited, clerk).get("/api/v1/products");
            businessRefused.then().spec(Api.problem(429, "too-many-requests"))
                    .body("limit", equalTo("business"))
                    .body("instance", equalTo("/api/v1/products"))
                    .header("RateLimit-Policy", equalTo("\"business\";q=5;w=3600, \"user\";q=3;w=3600"))
                    .header("RateLimit", matchesPattern("\"business\";r=0;t=\\d+, \"user\";r=0;t=\\d+"));
            assertRetryAfterWithinTheWindow(businessRefused);
            assertThat(businessRefused.jsonPath().getLong("retryAfterSeconds"))
                    .isEqualTo(Long.parseLong(businessRefused.header("Retry-After")));

            // Another business is not starved.
            Api.as(limited, other).get(ME).then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"business\";r=4;t=\\d+, \"user\";r=2;t=\\d+"));
            // Shared: the suite's node counts the same user (its fifth request), against its own far higher limit.
            Api.as(port, owner).get(ME).then().statusCode(200)
                    .header("RateLimit", matchesPattern("\"business\";r=\\d+;t=\\d+, \"user\";r=99999995;t=\\d+"));
        }
    }

    private static void assertRetryAfterWithinTheWindow(Response response) {
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
    }
}
