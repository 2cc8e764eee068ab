package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.comptoir.platform.DemoProgress;
import app.comptoir.support.Api;

/**
 * A first start as a merchant gets it: the demo logins work as soon as the application is up, and the
 * demo data fills in behind them on a background thread, which a test waits for through the progress
 * (never a sleep). Its own context and data directory: the shared one loads the demo before it is ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "comptoir.demo.enabled=true",
        "comptoir.demo.background=true",
        "comptoir.demo.order-history=500",
        "comptoir.db.durable=false",
        "logging.file.name="
})
class DemoInBackgroundIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoProgress progress;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("comptoir-first-start-").toString();
        registry.add("comptoir.data-dir", () -> dir);
    }

    @Test
    void theLoginsWorkAtOnceAndTheDataFillsInBehindThem() throws InterruptedException {
        // The logins are made before the context is handed over, whatever the background thread has done.
        String token = Api.token(port, "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        String state = Api.as(port, token).get("/api/v1/demo/progress").then().statusCode(200)
                .extract().path("state");
        assertThat(state).isIn("LOADING", "LOADED");

        assertThat(progress.awaitLoaded(Duration.ofMinutes(5))).isTrue();
        Api.as(port, token).get("/api/v1/demo/progress").then().statusCode(200)
                .body("state", equalTo("LOADED")).body("percent", equalTo(100));
        Api.as(port, token).get("/api/v1/products?size=1").then().statusCode(200).body("total", greaterThan(900));
        Api.as(port, token).get("/api/v1/orders?size=1").then().statusCode(200).body("total", greaterThan(400));
        String awa = Api.token(port, "admin@boutique-awa.demo", Api.DEMO_PASSWORD);
        Api.as(port, awa).get("/api/v1/products?size=1").then().statusCode(200).body("total", greaterThan(0));
    }
}
