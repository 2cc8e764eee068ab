package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Customers imported from CSV with the dry run and per-line errors of the product import. */
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

    @Test
    void theImportPageShowsTheDryRunReportLineByLineInFrench() {
        SalesApi shop = SalesApi.newShop(port);
        WebSession browser = new WebSession(port);
        browser.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(browser.get("/app/sales/customers/import").body()).contains("Importer des clients", "Essai à blanc");

        WebSession.Page report = browser.postFile("/app/sales/customers/import", Map.of("dryRun", "true"), "file",
                "clients.csv", "text/csv", BROKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Compte rendu de l’essai à blanc", "clients.csv",
                "3 lignes ont des erreurs", "data-line=\"3\"", "data-line=\"4\"", "data-line=\"5\"");
        // A viewer may read customers but not import them.
        var viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession reader = new WebSession(port);
        reader.signIn(viewer.email(), Api.PASSWORD);
        assertThat(reader.get("/app/sales/customers/import").status()).isEqualTo(403);
    }
}
