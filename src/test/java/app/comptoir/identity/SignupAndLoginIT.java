package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.identity.domain.TenantSlugs;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class SignupAndLoginIT {

    @LocalServerPort
    int port;

    @Test
    void signingUpCreatesABusinessWithItsAdministratorAndSignsThemIn() {
        String email = Api.uniqueEmail("Camille");
        String business = "Fleurs de Camille " + UUID.randomUUID().toString().substring(0, 6);

        JsonPath signup = Api.given(port)
                .body(Map.of("businessName", business, "email", email, "password", "un-secret-long", "name", "Camille"))
                .post("/api/v1/auth/signup")
                .then().statusCode(201)
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .body("expiresIn", equalTo(900))
                .body("tokenType", equalTo("Bearer"))
                .body("user.email", equalTo(email.toLowerCase()))
                .body("user.name", equalTo("Camille"))
                .body("user.roles", containsInAnyOrder("ADMIN"))
                .body("tenant.name", equalTo(business))
                .body("tenant.slug", equalTo(TenantSlugs.of(business)))
                .body("tenant.currency", equalTo("EUR"))
                .body("tenant.locale", equalTo("fr"))
                .extract().jsonPath();

        Api.as(port, signup.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("user.id", equalTo(signup.getString("user.id")))
                .body("user.email", equalTo(email.toLowerCase()))
                .body("tenant.id", equalTo(signup.getString("tenant.id")))
                .body("tenant.slug", equalTo(signup.getString("tenant.slug")))
                .body("accessToken", equalTo(null));
    }

    @Test
    void aBusinessMayStartInAnotherCurrencyAndLanguage() {
        JsonPath signup = Api.given(port)
                .body(Map.of("businessName", "Boutique Dakar", "email", Api.uniqueEmail("awa"), "password", Api.PASSWORD,
                        "currency", "xof", "locale", "en"))
                .post("/api/v1/auth/signup")
                .then().statusCode(201)
                .body("tenant.currency", equalTo("XOF"))
                .body("tenant.locale", equalTo("en"))
                .extract().jsonPath();

        Api.as(port, signup.getString("accessToken")).get("/api/v1/tenant").then().statusCode(200)
                .body("timezone", equalTo("Africa/Dakar"))
                .body("demo", equalTo(false))
                // every module but the public shop, which starts off (like a shop not launched yet), and the
                // vehicle inspections, for an inspection centre only
                .body("enabledModules", hasSize(10))
                .body("enabledModules", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("STOREFRONT")))
                .body("enabledModules", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("INSPECTIONS")))
                .body("enabledModules", org.hamcrest.Matchers.hasItem("CHANNELS"));
    }

    @Test
    void twoBusinessesWithTheSameNameGetDifferentAddresses() {
        String name = "Garage du Port " + UUID.randomUUID().toString().substring(0, 6);

        String first = Api.signup(port, name).then().statusCode(201).extract().path("tenant.slug");
        String second = Api.signup(port, name).then().statusCode(201).extract().path("tenant.slug");

        assertThat(first).isEqualTo(TenantSlugs.of(name));
        assertThat(second).isEqualTo(TenantSlugs.of(name) + "-2");
    }

    @Test
    void anEmailAlreadyUsedByAnyBusinessCannotSignUpAgain() {
        Account existing = Api.newBusiness(port, "Premier");

        Api.given(port).body(Map.of("businessName", "Second", "email", existing.email().toUpperCase(),
                        "password", Api.PASSWORD))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(409, "email-taken"));
    }

    @Test
    void signupRefusesAWeakPasswordOrThePasswordBeingTheEmail() {
        Api.given(port).body(Map.of("businessName", "Faible", "email", Api.uniqueEmail("weak"), "password", "court"))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("password"));

        String email = Api.uniqueEmail("same");
        Api.given(port).body(Map.of("businessName", "Pareil", "email", email, "password", email))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("must not be your e-mail address"));
    }

    @Test
    void signupRefusesAnInvalidEmailCurrencyOrLanguage() {
        Api.given(port).body(Map.of("businessName", "Sans mail", "email", "not-an-email", "password", Api.PASSWORD))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("email"));
        Api.given(port).body(Map.of("businessName", "Yen", "email", Api.uniqueEmail("yen"), "password", Api.PASSWORD,
                        "currency", "JPY"))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("currency"));
        Api.given(port).body(Map.of("businessName", "Deutsch", "email", Api.uniqueEmail("de"), "password", Api.PASSWORD,
                        "locale", "de"))
                .post("/api/v1/auth/signup")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("locale"));
    }

    @Test
    void aFailedSignupLeavesTheEmailFree() {
        String email = Api.uniqueEmail("retry");
        Api.given(port).body(Map.of("businessName", "Essai", "email", email, "password", Api.PASSWORD, "currency", "JPY"))
                .post("/api/v1/auth/signup").then().statusCode(400);

        Api.given(port).body(Map.of("businessName", "Essai", "email", email, "password", Api.PASSWORD))
                .post("/api/v1/auth/signup").then().statusCode(201);
    }

    @Test
    void anAdministratorSignsInWithTheirEmailInAnyCase() {
        Account admin = Api.newBusiness(port, "Connexion");

        Api.login(port, "  " + admin.email().toUpperCase() + " ", admin.password()).then().statusCode(200)
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .body("expiresIn", equalTo(900))
                .body("tokenType", equalTo("Bearer"))
                .body("user.id", equalTo(admin.userId().toString()))
                .body("user.roles", containsInAnyOrder("ADMIN"))
                .body("tenant.id", equalTo(admin.tenantId().toString()))
                .body("tenant.slug", equalTo(admin.tenantSlug()));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreRefusedAlike() {
        Account admin = Api.newBusiness(port, "Mauvais mot de passe");

        String wrongPassword = Api.login(port, admin.email(), "not-the-password")
                .then().spec(Api.problem(401, "invalid-credentials")).extract().path("detail");
        String unknownEmail = Api.login(port, Api.uniqueEmail("nobody"), "not-the-password")
                .then().spec(Api.problem(401, "invalid-credentials")).extract().path("detail");

        assertThat(wrongPassword).isEqualTo(unknownEmail);
    }

    @Test
    void changingThePasswordReplacesTheOldOneAndSignsOutOtherSessions() {
        Account admin = Api.newBusiness(port, "Nouveau mot de passe");

        Api.as(port, admin).body(Map.of("currentPassword", admin.password(), "newPassword", "another-long-secret"))
                .post("/api/v1/auth/change-password")
                .then().statusCode(200);

        Api.login(port, admin.email(), admin.password()).then().spec(Api.problem(401, "invalid-credentials"));
        Api.login(port, admin.email(), "another-long-secret").then().statusCode(200);
        Api.given(port).body(Map.of("refreshToken", admin.refreshToken())).post("/api/v1/auth/refresh")
                .then().spec(Api.problem(401, "invalid-refresh-token"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAStrongDifferentNewOne() {
        Account admin = Api.newBusiness(port, "Mot de passe refusé");

        Api.as(port, admin).body(Map.of("currentPassword", "wrong-current-1", "newPassword", "another-long-secret"))
                .post("/api/v1/auth/change-password")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("currentPassword"));
        Api.as(port, admin).body(Map.of("currentPassword", admin.password(), "newPassword", "short"))
                .post("/api/v1/auth/change-password")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("newPassword"));
        Api.as(port, admin).body(Map.of("currentPassword", admin.password(), "newPassword", admin.password()))
                .post("/api/v1/auth/change-password")
                .then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("newPassword"));

        Api.login(port, admin.email(), admin.password()).then().statusCode(200);
    }
}
