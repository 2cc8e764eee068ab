package app.comptoir.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** An administrator of one business who knows the ids of another learns nothing and changes nothing there. */
@IntegrationTest
class CrossTenantIT {

    @LocalServerPort
    int port;

    private Account adminA;
    private Account adminB;
    private Account driverB;

    @BeforeEach
    void twoBusinesses() {
        adminA = Api.newBusiness(port, "Curieux");
        adminB = Api.newBusiness(port, "Voisin discret");
        driverB = Api.newUser(port, adminB, "DRIVER");
    }

    @Test
    void anotherBusinessesUserIsNotFound() {
        Api.as(port, adminA).get("/api/v1/users/" + driverB.userId())
                .then().spec(Api.problem(404, "not-found"))
                .body(not(containsString(driverB.email())));
    }

    @Test
    void anotherBusinessesUserCannotBeChangedDisabledOrDeleted() {
        Api.as(port, adminA).body(Map.of("email", Api.uniqueEmail("hijack"), "name", "Hijacked", "roles", List.of("ADMIN"),
                        "password", "hijacked-password"))
                .put("/api/v1/users/" + driverB.userId()).then().spec(Api.problem(404, "not-found"));
        Api.as(port, adminA).body(Map.of("enabled", false)).patch("/api/v1/users/" + driverB.userId() + "/status")
                .then().spec(Api.problem(404, "not-found"));
        Api.as(port, adminA).delete("/api/v1/users/" + driverB.userId()).then().spec(Api.problem(404, "not-found"));
        Api.as(port, adminA).delete("/api/v1/users/" + adminB.userId()).then().spec(Api.problem(404, "not-found"));

        Api.as(port, adminB).get("/api/v1/users/" + driverB.userId()).then().statusCode(200)
                .body("email", equalTo(driverB.email()))
                .body("roles", equalTo(List.of("DRIVER")))
                .body("enabled", equalTo(true));
        Api.login(port, driverB.email(), driverB.password()).then().statusCode(200);
        Api.login(port, adminB.email(), adminB.password()).then().statusCode(200);
    }

    @Test
    void listsNeverShowAnotherBusinessesUsers() {
        Api.as(port, adminA).get("/api/v1/users?q=" + driverB.email()).then().statusCode(200).body("total", equalTo(0));
        Api.as(port, adminA).get("/api/v1/users?role=DRIVER").then().statusCode(200).body("total", equalTo(0));
        Api.as(port, adminA).get("/api/v1/users?size=200").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", not(hasItem(adminB.userId().toString())));
    }

    @Test
    void theAuditTrailShowsNothingOfAnotherBusiness() {
        Api.as(port, adminB).body(Map.of("enabled", false)).patch("/api/v1/users/" + driverB.userId() + "/status")
                .then().statusCode(200);

        Api.as(port, adminA).get("/api/v1/audit?entityId=" + driverB.userId()).then().statusCode(200).body("total", equalTo(0));
        Api.as(port, adminA).get("/api/v1/audit?entityType=tenant&entityId=" + adminB.tenantId()).then().body("total", equalTo(0));
        Api.as(port, adminA).get("/api/v1/audit?size=200").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.entityId", not(hasItem(driverB.userId().toString())))
                .body("items.entityId", not(hasItem(adminB.tenantId().toString())))
                .body("items.actor", not(hasItem(adminB.email())));
    }

    @Test
    void theTenantSettingsAreAlwaysTheCallersOwn() {
        Api.as(port, adminA).get("/api/v1/tenant").then().statusCode(200).body("id", equalTo(adminA.tenantId().toString()));
        Api.as(port, adminA).get("/api/v1/tenant?id=" + adminB.tenantId()).then().statusCode(200)
                .body("id", equalTo(adminA.tenantId().toString()));
    }
}
