package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.Ids;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class UsersIT {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsAUserWhoCanThenSignIn() {
        Account admin = Api.newBusiness(port, "Équipe");
        String email = Api.uniqueEmail("julien");

        ExtractableResponse<Response> created = Api.as(port, admin)
                .body(Map.of("email", email, "name", "Julien Bernard", "password", Api.PASSWORD, "roles", List.of("MANAGER")))
                .post("/api/v1/users")
                .then().statusCode(201)
                .body("email", equalTo(email))
                .body("name", equalTo("Julien Bernard"))
                .body("roles", contains("MANAGER"))
                .body("enabled", equalTo(true))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")))
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith("/api/v1/users/" + id);

        Api.login(port, email, Api.PASSWORD).then().statusCode(200)
                .body("user.id", equalTo(id))
                .body("user.roles", contains("MANAGER"))
                .body("tenant.id", equalTo(admin.tenantId().toString()));
        Api.as(port, admin).get("/api/v1/users/" + id).then().statusCode(200)
                .body("email", equalTo(email))
                .body("lastLoginAt", notNullValue());
    }

    @Test
    void anEmailUsedInAnyBusinessCannotBeGivenToAnotherUser() {
        Account admin = Api.newBusiness(port, "Doublon");
        Account elsewhere = Api.newBusiness(port, "Ailleurs");
        Account colleague = Api.newUser(port, admin, "VIEWER");

        create(admin, elsewhere.email(), "Homonyme", "VIEWER").then().spec(Api.problem(409, "email-taken"));
        create(admin, colleague.email().toUpperCase(), "Homonyme", "VIEWER").then().spec(Api.problem(409, "email-taken"));
    }

    @Test
    void newUsersAreCheckedLikeSignups() {
        Account admin = Api.newBusiness(port, "Contrôles");

        create(admin, "not-an-email", "Nom", "VIEWER").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("email"));
        Api.as(port, admin).body(Map.of("email", Api.uniqueEmail("weak"), "name", "Nom", "password", "short",
                        "roles", List.of("VIEWER")))
                .post("/api/v1/users").then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("password"));
        Api.as(port, admin).body(Map.of("email", Api.uniqueEmail("noroles"), "name", "Nom", "password", Api.PASSWORD,
                        "roles", List.of()))
                .post("/api/v1/users").then().spec(Api.problem(400, "validation")).body("errors[0].field", equalTo("roles"));
        Api.as(port, admin).body(Map.of("email", Api.uniqueEmail("owner"), "name", "Nom", "password", Api.PASSWORD,
                        "roles", List.of("OWNER")))
                .post("/api/v1/users").then().spec(Api.problem(400, "wrong-type"));
    }

    @Test
    void theUserListFiltersByRoleTextAndStatusAndPages() {
        Account admin = Api.newBusiness(port, "Liste");
        String zoe = create(admin, Api.uniqueEmail("zoe"), "Zoé Livreuse", "DRIVER").then().statusCode(201).extract().path("id");
        String adam = create(admin, Api.uniqueEmail("adam"), "Adam Livreur", "DRIVER").then().statusCode(201).extract().path("id");
        String marc = create(admin, Api.uniqueEmail("marc"), "Marc Gérant", "MANAGER").then().statusCode(201).extract().path("id");
        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + adam + "/status").then().statusCode(200);

        Api.as(port, admin).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.id", hasItem(admin.userId().toString()));
        Api.as(port, admin).get("/api/v1/users?role=DRIVER&sort=name").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(adam, zoe));
        Api.as(port, admin).get("/api/v1/users?role=DRIVER&sort=-name").then().statusCode(200)
                .body("items.id", contains(zoe, adam));
        Api.as(port, admin).get("/api/v1/users?role=DRIVER&enabled=true").then().statusCode(200)
                .body("items.id", contains(zoe));
        Api.as(port, admin).get("/api/v1/users?enabled=false").then().statusCode(200)
                .body("items.id", contains(adam));
        Api.as(port, admin).get("/api/v1/users?q=GÉRANT").then().statusCode(200)
                .body("items.id", contains(marc));
        Api.as(port, admin).get("/api/v1/users?role=DRIVER&sort=name&page=1&size=1").then().statusCode(200)
                .body("items.id", contains(zoe))
                .body("total", equalTo(2))
                .body("page", equalTo(1))
                .body("size", equalTo(1));
        Api.as(port, admin).get("/api/v1/users?sort=-createdAt&size=2").then().statusCode(200)
                .body("items.id", contains(marc, adam));
    }

    @Test
    void listingRefusesUnknownSortsAndOversizedPages() {
        Account admin = Api.newBusiness(port, "Pages");

        Api.as(port, admin).get("/api/v1/users?sort=password_hash").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("sort"));
        Api.as(port, admin).get("/api/v1/users?size=1000").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("size"));
        Api.as(port, admin).get("/api/v1/users?page=-1").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aManagerMayListDriversButNothingElse() {
        Account admin = Api.newBusiness(port, "Tournées");
        String driver = create(admin, Api.uniqueEmail("driver"), "Sofiane", "DRIVER").then().statusCode(201).extract().path("id");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Account viewer = Api.newUser(port, admin, "VIEWER");

        Api.as(port, manager).get("/api/v1/users?role=DRIVER").then().statusCode(200)
                .body("items.id", contains(driver));
        Api.as(port, manager).get("/api/v1/users").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, manager).get("/api/v1/users?role=ADMIN").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, manager).get("/api/v1/users/" + driver).then().spec(Api.problem(403, "forbidden"));
        create(manager, Api.uniqueEmail("sneaky"), "Sneaky", "ADMIN").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, viewer).get("/api/v1/users?role=DRIVER").then().spec(Api.problem(403, "forbidden"));
    }

    @Test
    void everyoneSignedInSeesTheRolesAUserCanHold() {
        Account admin = Api.newBusiness(port, "Rôles");
        Account driver = Api.newUser(port, admin, "DRIVER");

        Api.as(port, driver).get("/api/v1/users/roles").then().statusCode(200)
                .body("role", contains("ADMIN", "MANAGER", "DRIVER", "VIEWER"))
                .body("description", not(hasItem((Object) null)));
    }

    @Test
    void anAdministratorChangesAUsersEmailNameAndRoles() {
        Account admin = Api.newBusiness(port, "Changements");
        Account user = Api.newUser(port, admin, "VIEWER");
        String newEmail = Api.uniqueEmail("renamed");

        Api.as(port, admin).body(Map.of("email", newEmail, "name", "Nouveau Nom", "roles", List.of("MANAGER", "DRIVER")))
                .put("/api/v1/users/" + user.userId())
                .then().statusCode(200)
                .body("email", equalTo(newEmail))
                .body("name", equalTo("Nouveau Nom"))
                .body("roles", containsInAnyOrder("MANAGER", "DRIVER"));

        Api.login(port, user.email(), user.password()).then().spec(Api.problem(401, "invalid-credentials"));
        Api.login(port, newEmail, user.password()).then().statusCode(200)
                .body("user.name", equalTo("Nouveau Nom"))
                .body("user.roles", containsInAnyOrder("MANAGER", "DRIVER"));
        create(admin, user.email(), "Reprend l'adresse", "VIEWER").then().statusCode(201);
    }

    @Test
    void anEmailTakenByAnotherUserCannotBeUsedInAChange() {
        Account admin = Api.newBusiness(port, "Conflit");
        Account first = Api.newUser(port, admin, "VIEWER");
        Account second = Api.newUser(port, admin, "VIEWER");

        Api.as(port, admin).body(Map.of("email", first.email(), "name", "Second", "roles", List.of("VIEWER")))
                .put("/api/v1/users/" + second.userId())
                .then().spec(Api.problem(409, "email-taken"));

        Api.login(port, second.email(), second.password()).then().statusCode(200);
    }

    @Test
    void settingANewPasswordSignsTheUserOutEverywhere() {
        Account admin = Api.newBusiness(port, "Réinitialisation");
        Account user = Api.newUser(port, admin, "VIEWER");

        Api.as(port, admin).body(Map.of("email", user.email(), "name", "Same", "roles", List.of("VIEWER"),
                        "password", "brand-new-password"))
                .put("/api/v1/users/" + user.userId()).then().statusCode(200);

        Api.login(port, user.email(), user.password()).then().statusCode(401);
        Api.login(port, user.email(), "brand-new-password").then().statusCode(200);
        refresh(user.refreshToken()).then().spec(Api.problem(401, "invalid-refresh-token"));
    }

    @Test
    void aChangeWithoutPasswordKeepsTheCurrentOne() {
        Account admin = Api.newBusiness(port, "Sans mot de passe");
        Account user = Api.newUser(port, admin, "VIEWER");

        Api.as(port, admin).body(Map.of("email", user.email(), "name", "Renamed", "roles", List.of("VIEWER")))
                .put("/api/v1/users/" + user.userId()).then().statusCode(200);

        Api.login(port, user.email(), user.password()).then().statusCode(200);
        refresh(user.refreshToken()).then().statusCode(200);
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        Account admin = Api.newBusiness(port, "Suspension");
        Account user = Api.newUser(port, admin, "MANAGER");

        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + user.userId() + "/status")
                .then().statusCode(200).body("enabled", equalTo(false));

        Api.login(port, user.email(), user.password()).then().spec(Api.problem(401, "account-disabled"));
        refresh(user.refreshToken()).then().spec(Api.problem(401, "invalid-refresh-token"));

        Api.as(port, admin).body(Map.of("enabled", true)).patch("/api/v1/users/" + user.userId() + "/status")
                .then().statusCode(200).body("enabled", equalTo(true));
        Api.login(port, user.email(), user.password()).then().statusCode(200);
    }

    @Test
    void aDeletedUserDisappearsCannotSignInAndFreesTheirEmail() {
        Account admin = Api.newBusiness(port, "Départ");
        Account user = Api.newUser(port, admin, "DRIVER");

        Api.as(port, admin).delete("/api/v1/users/" + user.userId()).then().statusCode(204);

        Api.as(port, admin).get("/api/v1/users/" + user.userId()).then().spec(Api.problem(404, "not-found"));
        Api.as(port, admin).get("/api/v1/users").then().body("items.id", not(hasItem(user.userId().toString())));
        Api.login(port, user.email(), user.password()).then().spec(Api.problem(401, "invalid-credentials"));
        refresh(user.refreshToken()).then().spec(Api.problem(401, "invalid-refresh-token"));
        Api.as(port, user).get("/api/v1/auth/me").then().spec(Api.problem(401, "account-disabled"));
        Api.as(port, admin).delete("/api/v1/users/" + user.userId()).then().spec(Api.problem(404, "not-found"));

        String newcomer = create(admin, user.email(), "Nouvelle recrue", "DRIVER").then().statusCode(201).extract().path("id");
        Api.login(port, user.email(), Api.PASSWORD).then().statusCode(200).body("user.id", equalTo(newcomer));
    }

    @Test
    void anAdministratorCannotDisableDeleteOrDemoteThemselves() {
        Account admin = Api.newBusiness(port, "Soi-même");
        Api.newUser(port, admin, "ADMIN");

        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + admin.userId() + "/status")
                .then().spec(Api.problem(409, "self-change-refused"));
        Api.as(port, admin).delete("/api/v1/users/" + admin.userId())
                .then().spec(Api.problem(409, "self-change-refused"));
        Api.as(port, admin).body(Map.of("email", admin.email(), "name", "Moi", "roles", List.of("MANAGER")))
                .put("/api/v1/users/" + admin.userId())
                .then().spec(Api.problem(409, "self-change-refused"));

        Api.as(port, admin).body(Map.of("email", admin.email(), "name", "Moi", "roles", List.of("ADMIN", "DRIVER")))
                .put("/api/v1/users/" + admin.userId())
                .then().statusCode(200).body("name", equalTo("Moi"));
    }

    @Test
    void aDemotedAdministratorLosesTheirRightsAtOnceAndTheLastAdministratorIsKept() {
        Account first = Api.newBusiness(port, "Dernier admin");
        Account second = Api.newUser(port, first, "ADMIN");
        Api.as(port, second).get("/api/v1/users").then().statusCode(200);
        // The first administrator demotes the second, whose access token still says ADMIN.
        Api.as(port, first).body(Map.of("email", second.email(), "name", "Second", "roles", List.of("MANAGER")))
                .put("/api/v1/users/" + second.userId()).then().statusCode(200);

        // The token no longer grants what the role was: the account is checked on every request.
        Api.as(port, second).body(Map.of("email", first.email(), "name", "First", "roles", List.of("VIEWER")))
                .put("/api/v1/users/" + first.userId()).then().spec(Api.problem(403, "forbidden"));
        Api.as(port, second).body(Map.of("enabled", false)).patch("/api/v1/users/" + first.userId() + "/status")
                .then().spec(Api.problem(403, "forbidden"));
        Api.as(port, second).delete("/api/v1/users/" + first.userId()).then().spec(Api.problem(403, "forbidden"));
        Api.as(port, second).get("/api/v1/auth/me").then().statusCode(200).body("user.roles", contains("MANAGER"));

        // The only administrator left cannot remove their own rights either.
        Api.as(port, first).body(Map.of("email", first.email(), "name", "First", "roles", List.of("VIEWER")))
                .put("/api/v1/users/" + first.userId()).then().spec(Api.problem(409, "self-change-refused"));
        Api.login(port, first.email(), first.password()).then().statusCode(200).body("user.roles", contains("ADMIN"));
    }

    @Test
    void aDisabledOrDeletedUsersTokenStopsWorkingAtOnce() {
        Account admin = Api.newBusiness(port, "Révocation");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Api.as(port, manager).get("/api/v1/tenant").then().statusCode(200);
        Api.as(port, viewer).get("/api/v1/tenant").then().statusCode(200);

        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + manager.userId() + "/status")
                .then().statusCode(200);
        Api.as(port, admin).delete("/api/v1/users/" + viewer.userId()).then().statusCode(204);

        Api.as(port, manager).get("/api/v1/tenant").then().spec(Api.problem(401, "account-disabled"));
        Api.as(port, viewer).get("/api/v1/tenant").then().spec(Api.problem(401, "account-disabled"));

        Api.as(port, admin).body(Map.of("enabled", true)).patch("/api/v1/users/" + manager.userId() + "/status")
                .then().statusCode(200);
        Api.as(port, manager).get("/api/v1/tenant").then().statusCode(200);
    }

    @Test
    void aDisabledAdministratorCanBeDemotedByTheLastActiveOne() {
        Account admin = Api.newBusiness(port, "Ancien admin");
        Account former = Api.newUser(port, admin, "ADMIN");
        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + former.userId() + "/status")
                .then().statusCode(200);

        Api.as(port, admin).body(Map.of("email", former.email(), "name", "Ancien", "roles", List.of("VIEWER")))
                .put("/api/v1/users/" + former.userId())
                .then().statusCode(200).body("roles", contains("VIEWER"));
    }

    @Test
    void anUnknownUserIsNotFound() {
        Account admin = Api.newBusiness(port, "Inconnu");

        Api.as(port, admin).get("/api/v1/users/" + Ids.newId()).then().spec(Api.problem(404, "not-found"));
        Api.as(port, admin).get("/api/v1/users/not-a-uuid").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("id"));
    }

    private Response create(Account admin, String email, String name, String... roles) {
        return Api.as(port, admin).body(Map.of("email", email, "name", name, "password", Api.PASSWORD, "roles", List.of(roles)))
                .post("/api/v1/users");
    }

    private Response refresh(String refreshToken) {
        return Api.given(port).body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }
}
