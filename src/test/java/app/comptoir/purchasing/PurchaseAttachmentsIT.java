package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/** Photos and PDFs of delivery notes and invoices on a purchase order, recognised by their content. */
@IntegrationTest
class PurchaseAttachmentsIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Test
    void photosAndPdfsAreAttachedListedDownloadedAndDeletedAndOtherFilesRefused() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Graines", "ATT-GRA", "2.00", "0.50");
        String supplier = shop.supplier("Semences Bio");
        String order = shop.draft(supplier, variant, 10, "0.50").getString("id");
        String base = "/api/v1/purchase-orders/" + order + "/attachments";

        Response note = upload(shop.admin).multiPart("file", "C:\\scans\\bon-livraison.png", PNG, "image/png")
                .multiPart("kind", "DELIVERY_NOTE").post(base);
        assertThat(note.statusCode()).isEqualTo(201);
        assertThat(note.jsonPath().getString("fileName")).isEqualTo("bon-livraison.png");
        assertThat(note.jsonPath().getString("contentType")).isEqualTo("image/png");
        assertThat(note.jsonPath().getString("kind")).isEqualTo("DELIVERY_NOTE");
        // the content decides, not the name nor the declared type
        Response invoice = upload(shop.admin).multiPart("file", "facture.jpg", PDF, "image/jpeg")
                .multiPart("kind", "INVOICE").post(base);
        assertThat(invoice.statusCode()).isEqualTo(201);
        assertThat(invoice.jsonPath().getString("contentType")).isEqualTo("application/pdf");
        assertThat(invoice.jsonPath().getLong("size")).isEqualTo(PDF.length);

        upload(shop.admin).multiPart("file", "facture.pdf", "pas un PDF".getBytes(StandardCharsets.UTF_8),
                "application/pdf").post(base).then().statusCode(400).body("errors[0].field", equalTo("file"));
        upload(shop.admin).multiPart("file", "bon.png", PNG, "image/png").multiPart("kind", "RECEIPT").post(base)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        byte[] huge = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        int tooBig = upload(shop.admin).multiPart("file", "gros.pdf", huge, "application/pdf").post(base).statusCode();
        assertThat(tooBig).isIn(400, 413);

        assertThat(shop.call().get(base).then().statusCode(200).extract().jsonPath().getList("fileName"))
                .containsExactly("bon-livraison.png", "facture.jpg");
        Response download = upload(shop.admin).get(note.jsonPath().getString("url"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("image/png");
        assertThat(download.asByteArray()).isEqualTo(PNG);

        PurchasingApi other = PurchasingApi.newShop(port);
        other.call().get(base).then().statusCode(404);
        upload(other.admin).multiPart("file", "bon.png", PNG, "image/png").post(base).then().statusCode(404);
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        upload(viewer).multiPart("file", "bon.png", PNG, "image/png").post(base).then().statusCode(403);
        shop.as(viewer).get(base).then().statusCode(200);

        shop.call().delete(note.jsonPath().getString("url")).then().statusCode(204);
        shop.call().delete(note.jsonPath().getString("url")).then().statusCode(404);
        List<String> left = shop.call().get(base).then().statusCode(200).extract().jsonPath().getList("fileName");
        assertThat(left).containsExactly("facture.jpg");
        upload(shop.admin).get(note.jsonPath().getString("url")).then().statusCode(404);

        // the order's page lists it and takes an upload through its form
        shop.act(order, "send");
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());
        WebSession.Page page = web.get("/app/purchasing/orders/" + order);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("facture.jpg").doesNotContain("bon-livraison.png");
        WebSession.Page uploaded = web.postFile("/app/purchasing/orders/" + order + "/attachments",
                java.util.Map.of("kind", "INVOICE"), "file", "scan.png", "image/png", PNG);
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(web.get("/app/purchasing/orders/" + order).body()).contains("scan.png");
        WebSession.Page refused = web.postFile("/app/purchasing/orders/" + order + "/attachments",
                java.util.Map.of("kind", "INVOICE"), "file", "note.txt", "text/plain", "texte".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(web.get("/app/purchasing/orders/" + order).body()).contains("is-invalid");
    }

    private RequestSpecification upload(Account account) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + account.accessToken())
                .accept("application/json, application/problem+json");
    }
}
