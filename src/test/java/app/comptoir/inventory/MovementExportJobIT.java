package app.comptoir.inventory;

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
 * Issue #13: the movement journal's export runs as a background job (a year of sales is a hundred thousand
 * movements), with its progress in movements, from the API and from the journal page.
 */
@IntegrationTest
class MovementExportJobIT {

    @LocalServerPort
    int port;

    private JsonPath finished(InventoryApi shop, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> shop.call().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    @Test
    void theJournalExportCountsItsMovementsAndLeavesAFileToDownload() {
        InventoryApi shop = InventoryApi.newShop(port);
        String item = shop.product("Sac de billes d'argile, 10 L", "BIL-10");
        for (int i = 0; i < 4; i++) {
            shop.receive(item, 2);
        }
        String id = shop.call().post("/api/v1/stocks/movements/export-jobs?type=RECEIPT").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")).extract().path("id");
        JsonPath done = finished(shop, id);
        assertThat(done.getString("kind")).isEqualTo("movements-export");
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("total")).isEqualTo(4);
        assertThat(done.getInt("done")).isEqualTo(4);
        String file = new String(shop.call().accept("text/csv").get("/api/v1/jobs/" + id + "/file").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(file.lines()).hasSize(5);
        assertThat(file).startsWith("id,occurred_at,type").contains(",RECEIPT,BIL-10,");
        shop.call().post("/api/v1/stocks/movements/export-jobs?format=ods").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void theJournalPageStartsTheExportAndShowsItsDownloadLink() {
        InventoryApi shop = InventoryApi.newShop(port);
        shop.receive(shop.product("Terreau 40 L", "TER-40"), 3);
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(web.get("/app/inventory/stock/movements").body()).contains("data-export=\"xlsx\"");
        WebSession.Page started = web.post("/app/inventory/stock/movements/export", Map.of("format", "csv"));
        assertThat(started.status()).isEqualTo(302);
        String location = started.location().orElseThrow();
        String path = location.substring(location.indexOf("/app/"));
        assertThat(path).startsWith("/app/inventory/stock/movements?export=");
        String page = await().atMost(Duration.ofMinutes(1)).until(() -> web.get(path).body(),
                body -> body.contains("data-job-file"));
        assertThat(page).contains("data-export-job", "Export du journal des mouvements")
                .containsPattern("movements-[0-9-]+\\.csv");
    }
}
