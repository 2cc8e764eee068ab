package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Issue #13: the orders export runs as a background job (a shop's year is tens of thousands of orders), with its
 * progress in orders and the list's filters, from the API and from the order list.
 */
@IntegrationTest
class OrderExportJobIT {

    @LocalServerPort
    int port;

    private JsonPath finished(SalesApi shop, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> shop.call().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    @Test
    void anExportJobCountsTheOrdersOfTheFilterAndLeavesAFrenchFileToDownload() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "19.90", 20, 50);
        for (int i = 0; i < 5; i++) {
            shop.order(pot, 1);
        }
        String confirmed = shop.order(pot, 2).getString("id");
        shop.call().post("/api/v1/orders/" + confirmed + "/confirm").then().statusCode(200);

        String id = shop.call().post("/api/v1/orders/export-jobs?status=DRAFT&lang=fr").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")).extract().path("id");
        JsonPath done = finished(shop, id);
        assertThat(done.getString("kind")).isEqualTo("orders-export");
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("total")).isEqualTo(5);
        assertThat(done.getInt("done")).isEqualTo(5);
        assertThat(done.getString("fileName")).startsWith("orders-").endsWith(".csv");
        String file = new String(shop.call().accept("text/csv").get("/api/v1/jobs/" + id + "/file").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(file).startsWith("\ufeff").contains(";Brouillon;").doesNotContain("Confirmée");
        assertThat(file.lines().count()).isEqualTo(6);

        shop.call().post("/api/v1/orders/export-jobs?format=pdf").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void theOrderListStartsTheExportAndShowsItsDownloadLinkWhenItEnds() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot Toscane 30 cm", "POT-TOSC-30", "19.90", 20, 50);
        shop.order(pot, 1);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(web.get("/app/sales/orders").body()).contains("data-order-exports", "Exporter en CSV");

        WebSession.Page started = web.post("/app/sales/orders/export", Map.of("format", "xlsx", "status", "DRAFT"));
        assertThat(started.status()).isEqualTo(302);
        String location = started.location().orElseThrow();
        assertThat(location).contains("/app/sales/orders?status=DRAFT").contains("export=");
        String path = location.substring(location.indexOf("/app/"));
        String page = await().atMost(Duration.ofMinutes(1)).until(() -> web.get(path).body(),
                body -> body.contains("data-job-file"));
        assertThat(page).contains("data-export-job", "Export des commandes", "Votre fichier est prêt")
                .containsPattern("orders-[0-9-]+\\.xlsx");
    }
}
