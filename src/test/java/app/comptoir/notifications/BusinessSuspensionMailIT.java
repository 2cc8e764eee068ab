package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * When the deployment's operator suspends or reopens a business, every active administrator of that business
 * receives an e-mail in the business's language with the operator's reason, through the real SMTP server; its
 * other users receive nothing.
 */
@MailIntegrationTest
class BusinessSuspensionMailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static String operatorToken;

    @LocalServerPort
    int port;

    @BeforeEach
    void smtpIsUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpStops() {
        MailTesting.stopSmtp();
    }

    private synchronized String operator() {
        if (operatorToken == null) {
            operatorToken = Api.given(port).body(Map.of("businessName", "Opérateur des e-mails",
                            "email", MailIntegrationTest.OPERATOR_EMAIL, "password", Api.PASSWORD))
                    .post("/api/v1/auth/signup").then().statusCode(201).extract().path("accessToken");
        }
        return operatorToken;
    }

    @Test
    void theAdministratorsOfASuspendedBusinessAreToldWhyInFrenchThenToldItReopened() throws Exception {
        Account admin = Api.newBusiness(port, "Fleuriste suspendu");
        Account secondAdmin = Api.newUser(port, admin, "ADMIN");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        String url = "/api/v1/operator/businesses/" + admin.tenantId();

        Api.as(port, operator()).body(Map.of("reason", "Factures impayées depuis mars")).post(url + "/suspend").then()
                .statusCode(200);

        MimeMessage suspended = mailsTo(admin.email(), 1).getFirst();
        assertThat(suspended.getSubject()).contains("Fleuriste suspendu").contains("est suspendu");
        assertThat(MailTesting.part(suspended, "text/plain")).contains("a suspendu")
                .contains("Motif indiqué par l'opérateur : Factures impayées depuis mars");
        assertThat(mailsTo(secondAdmin.email(), 1).getFirst().getSubject()).contains("est suspendu");

        Api.as(port, operator()).body(Map.of("reason", "Factures réglées")).post(url + "/resume").then()
                .statusCode(200);

        MimeMessage resumed = mailsTo(admin.email(), 2).get(1);
        assertThat(resumed.getSubject()).contains("de nouveau ouvert");
        assertThat(MailTesting.part(resumed, "text/plain")).contains("Factures réglées")
                .contains(MailTesting.PUBLIC_URL + "/login");
        mailsTo(secondAdmin.email(), 2);
        assertThat(MailTesting.mailsTo(viewer.email())).isEmpty();
    }

    @Test
    void anEnglishBusinessIsWrittenToInEnglish() throws MessagingException {
        JsonPath body = Api.given(port).body(Map.of("businessName", "Corner Shop", "email", Api.uniqueEmail("owner"),
                "password", Api.PASSWORD, "locale", "en")).post("/api/v1/auth/signup").then().statusCode(201)
                .extract().jsonPath();
        String email = body.getString("user.email");

        Api.as(port, operator()).body(Map.of("reason", "Unpaid invoices"))
                .post("/api/v1/operator/businesses/" + body.getString("tenant.id") + "/suspend").then().statusCode(200);

        MimeMessage mail = mailsTo(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Corner Shop is suspended on Comptoir");
        assertThat(MailTesting.part(mail, "text/plain")).contains("Reason given by the operator: Unpaid invoices");
    }

    private static List<MimeMessage> mailsTo(String address, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(address), hasSize(count));
        return MailTesting.mailsTo(address);
    }
}
