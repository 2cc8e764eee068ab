package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Customers imported from CSV with the dry run and per-line errors of the product import, as a background job. */
@IntegrationTest
class CustomerImportIT {

    static final String BROKEN = "name,kind,email,phone\n"
            + "Mme Rose,particulier,rose@example.com,0611111111\n"
            + "M. Vert,,pas-un-mail,\n"
            + ",entreprise,,\n"
            + "Jardins du Rhône,client fidèle,,\n";

    @LocalServerPort
    int port;

    private Response importCsv(SalesApi shop, String csv, String params) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "clients.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/customers/import" + params);
    }

    @Test
    void aDryRunReportsEveryBadLineWithItsColumnAndWritesNothing() {
        SalesApi shop = SalesApi.newShop(port);
        importCsv(shop, BROKEN, "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("written", equalTo(false)).body("lines", equalTo(4))
                .body("errors.line", contains(3, 4, 5)).body("errors.column", contains("email", "name", "kind"));
        shop.call().get("/api/v1/customers").then().body("total", equalTo(0));

        // For real, a file with errors writes nothing either, and says why.
        importCsv(shop, BROKEN, "").then().spec(Api.problem(400, "import-rejected"))
                .body("errors.line", contains(3, 4, 5));
        shop.call().get("/api/v1/customers").then().body("total", equalTo(0));
    }

    @Test
    void anIncompleteAddressIsAnErrorOfItsLine() {
        SalesApi shop = SalesApi.newShop(port);
        importCsv(shop, "name;city\nMme Rose;Lyon\n", "?dryRun=true").then().statusCode(200)
                .body("errors.line", contains(2)).body("errors.column", contains("address"));
    }

    @Test
    void aFrenchSpreadsheetWithSemicolonsAndFrenchColumnsIsImported() {
        SalesApi shop = SalesApi.newShop(port);
        String french = "\ufeffNom;Type;E-mail;Téléphone;Adresse;Code postal;Ville\r\n"
                + "Mme Rose;Particulier;rose@example.com;06 11 11 11 11;3 rue des Lilas;69003;Lyon\r\n"
                + "Jardins du Rhône;Entreprise;;;;;\r\n";
        importCsv(shop, french, "?dryRun=true").then().statusCode(200).body("errors", empty())
                .body("customersCreated", equalTo(2)).body("addressesCreated", equalTo(1));
        shop.call().get("/api/v1/customers").then().body("total", equalTo(0));

        importCsv(shop, french, "").then().statusCode(200).body("written", equalTo(true))
                .body("customersCreated", equalTo(2));
        shop.call().get("/api/v1/customers?q=Rose").then().body("total", equalTo(1))
                .body("items[0].addresses[0].city", equalTo("Lyon"));
        shop.call().get("/api/v1/customers?q=Rhône").then().body("items[0].kind", equalTo("COMPANY"));
    }

    private JsonPath finished(SalesApi shop, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> shop.call().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    private String startJob(SalesApi shop, String csv, String params) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "clients.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/customers/import-jobs" + params).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/"))
                .body("kind", equalTo("customer-import")).extract().path("id");
    }

    @Test
    void anImportJobCountsItsLinesUpToTheTotalAndReportsEveryLineError() {
        SalesApi shop = SalesApi.newShop(port);
        JsonPath dry = finished(shop, startJob(shop, BROKEN, "?dryRun=true"));
        assertThat(dry.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(dry.getInt("total")).isEqualTo(4);
        assertThat(dry.getInt("done")).isEqualTo(4);
        assertThat(dry.getInt("percent")).isEqualTo(100);
        assertThat(dry.getBoolean("result.dryRun")).isTrue();
        assertThat(dry.getList("result.errors.line", Integer.class)).containsExactly(3, 4, 5);
        assertThat(dry.getList("result.errors.column", String.class)).containsExactly("email", "name", "kind");

        StringBuilder many = new StringBuilder("nom;ville;adresse;code postal\n");
        for (int i = 1; i <= 150; i++) {
            many.append("Client ").append(i).append(";Lyon;").append(i).append(" rue des Lilas;69003\n");
        }
        JsonPath written = finished(shop, startJob(shop, many.toString(), ""));
        assertThat(written.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(written.getInt("done")).isEqualTo(150).isEqualTo(written.getInt("total"));
        assertThat(written.getBoolean("result.written")).isTrue();
        assertThat(written.getInt("result.customersCreated")).isEqualTo(150);
        shop.call().get("/api/v1/customers?q=Client").then().body("total", equalTo(150));

        // No file: refused at once, as the direct import refuses it; another business sees no job.
        RestAssured.given().port(port).header("Authorization", "Bearer " + shop.admin.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "vide.csv", new byte[0], "text/csv")
                .post("/api/v1/customers/import-jobs").then().spec(Api.problem(400, "validation"));
        SalesApi other = SalesApi.newShop(port);
        other.call().get("/api/v1/jobs/" + written.getString("id")).then().statusCode(404);
    }

    @Test
    void theImportPageShowsTheDryRunReportLineByLineInFrench() {
        SalesApi shop = SalesApi.newShop(port);
        WebSession browser = new WebSession(port);
        browser.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(browser.get("/app/sales/customers/import").body()).contains("Importer des clients", "Essai à blanc");

        WebSession.Page started = browser.postFile("/app/sales/customers/import", Map.of("dryRun", "true"), "file",
                "clients.csv", "text/csv", BROKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).isEqualTo(302);
        String location = started.location().orElseThrow();
        assertThat(location).contains("/app/sales/customers/import?job=");
        String path = location.substring(location.indexOf("/app/"));
        String report = await().atMost(Duration.ofMinutes(1)).until(() -> browser.get(path).body(),
                body -> body.contains("data-import-report"));
        assertThat(report).contains("Compte rendu de l’essai à blanc", "clients.csv",
                "3 lignes ont des erreurs", "data-line=\"3\"", "data-line=\"4\"", "data-line=\"5\"")
                .doesNotContain("data-import-job");
        // An empty file is an error next to the field, without a job.
        WebSession.Page empty = browser.postFile("/app/sales/customers/import", Map.of("dryRun", "true"), "file",
                "vide.csv", "text/csv", "  \n".getBytes(StandardCharsets.UTF_8));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Le fichier est vide");
        // A viewer may read customers but not import them.
        var viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession reader = new WebSession(port);
        reader.signIn(viewer.email(), Api.PASSWORD);
        assertThat(reader.get("/app/sales/customers/import").status()).isEqualTo(403);
    }
}
