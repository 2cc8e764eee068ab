package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/** Sending a purchase order to a manual supplier e-mails it the order's PDF; without an address the log says why. */
@MailIntegrationTest
class PurchaseOrderMailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @BeforeEach
    void smtpUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpDown() {
        MailTesting.stopSmtp();
    }

    @Test
    void sendingAPurchaseOrderMailsItsPdfToTheSupplier() throws Exception {
        Account admin = Api.newBusiness(port, "Droguerie");
        String business = Api.as(port, admin).get("/api/v1/tenant").then().extract().path("name");
        String email = Api.uniqueEmail("fournisseur");
        String number = sentOrder(admin, email);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        MimeMessage mail = MailTesting.mailsTo(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Bon de commande " + number + " – " + business);
        assertThat(MailTesting.part(mail, "text/plain")).contains("Bonjour Grossiste Provence,", number);
        List<Map.Entry<String, byte[]>> files = MailTesting.attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getKey()).isEqualTo(number + ".pdf");
        assertThat(new String(files.getFirst().getValue(), 0, 5)).isEqualTo("%PDF-");
        assertThat(awaitLog(admin, "SENT").getString("items[0].template")).isEqualTo("purchase-order");
    }

    @Test
    void aSupplierWithoutAnAddressIsLoggedAsNotSendableWithTheReason() {
        Account admin = Api.newBusiness(port, "Droguerie sans adresse");
        sentOrder(admin, null);

        JsonPath log = awaitLog(admin, "UNSENDABLE");
        assertThat(log.getString("items[0].reason")).contains("pas d'adresse e-mail");
    }

    /** Creates a supplier (with that e-mail address, or none), a product and an order to it, sends it: its number. */
    private String sentOrder(Account admin, String email) {
        Map<String, Object> supplier = email == null ? Map.of("name", "Grossiste Provence")
                : Map.of("name", "Grossiste Provence", "email", email);
        String supplierId = Api.as(port, admin).body(supplier).post("/api/v1/suppliers").then().statusCode(201)
                .extract().path("id");
        String variant = Api.as(port, admin).body(Map.of("name", "Savon", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "SAV-1", "price", new BigDecimal("4.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        String order = Api.as(port, admin).body(Map.of("supplierId", supplierId, "lines",
                        List.of(Map.of("variantId", variant, "quantity", 12, "unitCost", 1.5))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().path("id");
        return Api.as(port, admin).post("/api/v1/purchase-orders/" + order + "/send").then().statusCode(200)
                .extract().path("number");
    }

    private JsonPath awaitLog(Account admin, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Api.as(port, admin)
                .queryParam("status", status).get("/api/v1/notifications/mails").then().statusCode(200)
                .extract().jsonPath().getList("items"), hasSize(1));
        return Api.as(port, admin).queryParam("status", status).get("/api/v1/notifications/mails")
                .then().statusCode(200).extract().jsonPath();
    }
}
