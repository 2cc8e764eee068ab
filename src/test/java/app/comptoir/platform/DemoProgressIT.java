package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** The banner of a first start, driven through the progress the demo loaders report. */
@IntegrationTest
class DemoProgressIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoProgress progress;

    @Test
    void theDemoDataIsCompleteWhenTheTestContextStarts() {
        String token = Api.token(port, "viewer@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        Api.as(port, token).get("/api/v1/demo/progress").then().statusCode(200)
                .body("state", equalTo("LOADED")).body("percent", equalTo(100));
        WebSession web = new WebSession(port);
        web.signIn("viewer@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        assertThat(web.get("/app").body()).doesNotContain("id=\"demo-progress\"");
    }

    @Test
    void whileTheDemoLoadsEveryPageShowsABannerThatPollsUntilItIsDone() {
        WebSession web = new WebSession(port);
        web.signIn("manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        try {
            progress.begin();
            progress.reach(42);
            String page = web.get("/app/catalog/products").body();
            assertThat(page).contains("id=\"demo-progress\"", "Données de démonstration : 42 %",
                    "hx-get=\"/app/demo-progress\"", "aria-valuenow=\"42\"");
            progress.reach(88);
            assertThat(web.get("/app/demo-progress", "HX-Request", "true").body())
                    .contains("Données de démonstration : 88 %", "data-demo-state=\"LOADING\"");
        } finally {
            progress.finish();
        }
        String done = web.get("/app/demo-progress", "HX-Request", "true").body();
        assertThat(done).contains("data-demo-state=\"LOADED\"").doesNotContain("hx-get");
        assertThat(web.get("/app/catalog/products").body()).doesNotContain("id=\"demo-progress\"");
    }
}
