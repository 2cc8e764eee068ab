package app.comptoir;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

@IntegrationTest
class SmokeIT {

    @LocalServerPort
    int port;

    @Test
    void aDemoAdminCanSignInAndSeeTheirTenant() {
        String token = Api.token(port, "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        Api.as(port, token).get("/api/v1/auth/me").then().statusCode(200)
                .body("tenant.slug", equalTo("jardin-des-lilas"))
                .body("user.roles[0]", equalTo("ADMIN"));
    }
}
