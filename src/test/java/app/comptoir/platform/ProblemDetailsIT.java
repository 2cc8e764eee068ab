package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** Every error of the API is an RFC 9457 problem with a stable type, whatever layer refuses the request. */
@IntegrationTest
class ProblemDetailsIT {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokens accessTokens;

    @Autowired
    JwtEncoder jwtEncoder;

    @Test
    void aRequestWithoutTokenIsAMissingTokenProblem() {
        Api.given(port).get("/api/v1/auth/me")
                .then().spec(Api.problem(401, "missing-token"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("instance", equalTo("/api/v1/auth/me"));
        Api.given(port).get("/api/v1/users").then().spec(Api.problem(401, "missing-token"));
    }

    @Test
    void anExpiredTokenIsATokenExpiredProblem() {
        Account admin = Api.newBusiness(port, "Expiré");
        Instant now = Instant.now();
        String expired = accessTokens.issue(principal(admin), now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)));

        Api.as(port, expired).get("/api/v1/auth/me").then().spec(Api.problem(401, "token-expired"));
    }

    @Test
    void aTokenFromTheRightKeyThatIsStillValidIsAccepted() {
        Account admin = Api.newBusiness(port, "Valide");
        Instant now = Instant.now();
        String token = accessTokens.issue(principal(admin), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(1)));

        Api.as(port, token).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void aGarbageTokenIsAnInvalidTokenProblem() {
        Api.as(port, "not-a-jwt").get("/api/v1/auth/me").then().spec(Api.problem(401, "invalid-token"));
        Api.given(port).header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/auth/me")
                .then().spec(Api.problem(401, "invalid-token"));
    }

    @Test
    void aTokenWhoseClaimsWereEditedIsRefused() {
        Account admin = Api.newBusiness(port, "Falsifié");
        Account other = Api.newBusiness(port, "Victime");
        String[] parts = admin.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(admin.tenantId().toString(), other.tenantId().toString());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(forged).isNotEqualTo(admin.accessToken());

        Api.as(port, forged).get("/api/v1/tenant").then().spec(Api.problem(401, "invalid-token"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        Account admin = Api.newBusiness(port, "Sans signature");
        String[] parts = admin.accessToken().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        Api.as(port, none + "." + parts[1] + ".").get("/api/v1/auth/me").then().spec(Api.problem(401, "invalid-token"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWithTheRightKey() {
        Account admin = Api.newBusiness(port, "Autre émetteur");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("someone-else")
                .subject(admin.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("tid", admin.tenantId().toString())
                .claim("email", admin.email())
                .claim("name", "Test")
                .claim("roles", List.of("ADMIN"))
                .build();
        String token = jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();

        Api.as(port, token).get("/api/v1/auth/me").then().spec(Api.problem(401, "invalid-token"));
    }

    @Test
    void aRoleThatDoesNotAllowTheActionIsAForbiddenProblem() {
        Account admin = Api.newBusiness(port, "Interdit");
        Account viewer = Api.newUser(port, admin, "VIEWER");

        Api.as(port, viewer).get("/api/v1/users").then().spec(Api.problem(403, "forbidden"))
                .body("instance", equalTo("/api/v1/users"));
        Api.as(port, viewer).delete("/api/v1/users/" + admin.userId()).then().spec(Api.problem(403, "forbidden"));
        Api.as(port, viewer).get("/api/v1/audit").then().spec(Api.problem(403, "forbidden"));
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedJsonProblem() {
        Api.given(port).body("{\"email\": \"a@b.test\", ").post("/api/v1/auth/login")
                .then().spec(Api.problem(400, "malformed-json"))
                .body("detail", not(containsString("Exception")));
        Account admin = Api.newBusiness(port, "Illisible");
        Api.as(port, admin).body("name=Nouveau").put("/api/v1/tenant").then().spec(Api.problem(400, "malformed-json"));
        Api.as(port, admin).put("/api/v1/tenant").then().spec(Api.problem(400, "malformed-json"));
    }

    @Test
    void anUnknownFieldIsAnUnknownFieldProblemNamingIt() {
        Api.given(port).body(Map.of("email", "a@b.test", "password", "whatever-it-is", "rememberMe", true))
                .post("/api/v1/auth/login")
                .then().spec(Api.problem(400, "unknown-field"))
                .body("errors[0].field", equalTo("rememberMe"));
    }

    @Test
    void aValueOfTheWrongTypeIsAWrongTypeProblemNamingTheField() {
        Account admin = Api.newBusiness(port, "Mauvais type");

        Api.as(port, admin).body(Map.of("enabled", "maybe")).patch("/api/v1/users/" + admin.userId() + "/status")
                .then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("enabled"));
        Api.as(port, admin).body(Map.of("name", "X y", "slug", "x-y", "currency", "EUR", "locale", "fr",
                        "timezone", "Europe/Paris", "enabledModules", Map.of("CATALOG", true)))
                .put("/api/v1/tenant")
                .then().spec(Api.problem(400, "wrong-type"))
                .body("errors[0].field", equalTo("enabledModules"));
    }

    @Test
    void missingFieldsAreAValidationProblemListingEachOfThem() {
        Api.given(port).body(Map.of()).post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation"))
                .body("errors.field", containsInAnyOrder("businessName", "email", "password"));
    }

    @Test
    void anUnknownRecordIsANotFoundProblem() {
        Account admin = Api.newBusiness(port, "Introuvable");

        Api.as(port, admin).get("/api/v1/users/" + Ids.newId()).then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        Account admin = Api.newBusiness(port, "Nulle part");

        Api.as(port, admin).get("/api/v1/no-such-thing").then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void anUnsupportedMethodIsAMethodNotAllowedProblem() {
        Account admin = Api.newBusiness(port, "Méthode");

        Api.as(port, admin).delete("/api/v1/tenant").then().spec(Api.problem(405, "method-not-allowed"));
    }

    @Test
    void aBodyInAnotherFormatIsAnUnsupportedMediaTypeProblem() {
        Api.given(port).contentType(ContentType.TEXT).body("email=a@b.test").post("/api/v1/auth/login")
                .then().spec(Api.problem(415, "unsupported-media-type"));
    }

    @Test
    void anInvalidTokenProblemNamesTheRequestedPath() {
        Api.as(port, "not-a-jwt").get("/api/v1/tenant").then().spec(Api.problem(401, "invalid-token"))
                .body("instance", equalTo("/api/v1/tenant"));
    }

    @Test
    void anEncodedSlashInAPathIsABadRequestProblem() {
        Account admin = Api.newBusiness(port, "Barre encodée");

        Api.as(port, admin).urlEncodingEnabled(false).get("/api/v1/users/a%2Fb")
                .then().spec(Api.problem(400, "bad-request"))
                .body("instance", equalTo("/api/v1/users/a%2Fb"));
        Api.given(port).urlEncodingEnabled(false).accept("*/*").get("/api/v1/catalog%2fproducts")
                .then().spec(Api.problem(400, "bad-request"));
        // The pages keep their HTML error page.
        RestAssured.given().port(port).urlEncodingEnabled(false).accept("text/html").get("/app/users/a%2Fb")
                .then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void aTraceRequestIsAMethodNotAllowedProblem() {
        Account admin = Api.newBusiness(port, "Trace");

        Api.as(port, admin).request(Method.TRACE, "/api/v1/tenant")
                .then().spec(Api.problem(405, "method-not-allowed"))
                .body("instance", equalTo("/api/v1/tenant"));
        Api.given(port).request(Method.TRACE, "/api/v1/auth/me").then().spec(Api.problem(405, "method-not-allowed"));
    }

    @Test
    void aCrossOriginRequestFromAnUnknownOriginIsAForbiddenProblem() {
        Api.given(port).header("Origin", "https://attacker.example").get("/api/v1/auth/me")
                .then().spec(Api.problem(403, "cors-refused"))
                .body("instance", equalTo("/api/v1/auth/me"))
                .header("Access-Control-Allow-Origin", nullValue());
        // The preflight is refused the same way.
        Api.given(port).header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/users/" + Ids.newId())
                .then().spec(Api.problem(403, "cors-refused"));
    }

    private static ComptoirPrincipal principal(Account account) {
        return new ComptoirPrincipal(account.userId(), account.tenantId(), account.email(), "Test", Set.of(Role.ADMIN));
    }
}
