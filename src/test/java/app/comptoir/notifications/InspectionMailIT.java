package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.inspections.InspectionCompleted;
import app.comptoir.inspections.InspectionRows;
import app.comptoir.inspections.InspectionRows.Defect;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * A completed inspection e-mails its documents to the vehicle's owner through a real SMTP server: the report and the
 * certificate when favourable, the report alone otherwise, with the link of the public verification page; a vehicle
 * without an address is logged as not sendable.
 */
@MailIntegrationTest
class InspectionMailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    app.comptoir.inspections.application.DueReminders reminders;

    @BeforeEach
    void smtpUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpDown() {
        MailTesting.stopSmtp();
    }

    @Test
    void aFavourableInspectionMailsTheReportAndTheCertificate() throws Exception {
        Account centre = Api.newBusiness(port, "CT Courriel");
        String email = Api.uniqueEmail("jeanne");
        InspectionRows.Written written = new InspectionRows(jdbc, txManager).completed(centre, "AB-123-CD",
                "VF1RJA00X56123456", email, Outcome.FAVOURABLE,
                Map.of("4.3", new Defect(Grade.MINOR, "Feu stop gauche faible", false)), Instant.now(),
                LocalDate.now(PARIS).plusYears(2), null, "CT-2026-000010");

        complete(centre, written, Outcome.FAVOURABLE);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        MimeMessage mail = MailTesting.mailsTo(email).getFirst();
        assertThat(mail.getSubject()).startsWith("Contrôle technique CT-2026-000010 de AB-123-CD – CT Courriel");
        assertThat(MailTesting.part(mail, "text/plain")).contains("Bonjour Jeanne Dupont,", "est favorable",
                "certificat sont joints", MailTesting.PUBLIC_URL + "/verify/" + centre.tenantSlug() + "/"
                        + written.verificationCode(),
                "votre espace client", MailTesting.PUBLIC_URL + "/shop/" + centre.tenantSlug() + "/account/inspections");
        List<Map.Entry<String, byte[]>> files = MailTesting.attachments(mail);
        assertThat(files).extracting(Map.Entry::getKey)
                .containsExactly("PV-CT-2026-000010.pdf", "CERT-CT-2026-000010.pdf");
        for (Map.Entry<String, byte[]> file : files) {
            assertThat(new String(file.getValue(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void aCounterVisitMailsTheReportAloneAndAVehicleWithoutAddressIsLogged() {
        Account centre = Api.newBusiness(port, "CT Contre-visite courriel");
        String email = Api.uniqueEmail("paul");
        InspectionRows rows = new InspectionRows(jdbc, txManager);
        InspectionRows.Written counterVisit = rows.completed(centre, "EF-456-GH", "VF1RJA00X56123456", email,
                Outcome.COUNTER_VISIT, Map.of("1.1", new Defect(Grade.MAJOR, "Déséquilibre à l'avant", false)),
                Instant.now(), null, LocalDate.now(PARIS).plusMonths(2), "CT-2026-000011");
        InspectionRows.Written noAddress = rows.completed(centre, "JK-789-LM", "VF1RJA00X56123456", null,
                Outcome.FAVOURABLE, Map.of(), Instant.now(), LocalDate.now(PARIS).plusYears(2), null, "CT-2026-000012");

        complete(centre, counterVisit, Outcome.COUNTER_VISIT);
        complete(centre, noAddress, Outcome.FAVOURABLE);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        MimeMessage mail = MailTesting.mailsTo(email).getFirst();
        assertThat(MailTesting.part(mail, "text/plain")).contains("demande une contre-visite", "procès-verbal du contrôle est joint");
        assertThat(MailTesting.attachments(mail)).extracting(Map.Entry::getKey).containsExactly("PV-CT-2026-000011.pdf");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Api.as(port, centre)
                .queryParam("status", "UNSENDABLE").get("/api/v1/notifications/mails").then().statusCode(200)
                .extract().jsonPath().getList("items"), hasSize(1));
        assertThat(Api.as(port, centre).queryParam("status", "UNSENDABLE").get("/api/v1/notifications/mails").then()
                .extract().jsonPath().getString("items[0].reason")).contains("pas d'adresse e-mail");
    }

    @Test
    void theOwnerIsRemindedOnceAMonthBeforeTheDueDateWithTheBookingPage() throws Exception {
        Account centre = Api.newBusiness(port, "CT Rappel");
        String email = Api.uniqueEmail("rappel");
        LocalDate today = LocalDate.now(PARIS);
        InspectionRows rows = new InspectionRows(jdbc, txManager);
        rows.completed(centre, "NP-123-QR", "VF1RJA00X56123456", email, Outcome.FAVOURABLE, Map.of(),
                Instant.now().minus(Duration.ofDays(710)), today.plusDays(20), null, "PV-2024-000001");
        String later = Api.uniqueEmail("plus-tard");
        rows.completed(centre, "ST-456-VW", "VF1RJA00X56123456", later, Outcome.FAVOURABLE, Map.of(),
                Instant.now().minus(Duration.ofDays(600)), today.plusDays(60), null, "PV-2024-000002");

        assertThat(reminders.remind(centre.tenantId())).isEqualTo(1);
        assertThat(reminders.remind(centre.tenantId())).isZero();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        MimeMessage mail = MailTesting.mailsTo(email).getFirst();
        assertThat(mail.getSubject()).startsWith("Contrôle technique de NP-123-QR à faire avant le");
        assertThat(MailTesting.part(mail, "text/plain")).contains("est à faire avant le",
                MailTesting.PUBLIC_URL + "/book/" + centre.tenantSlug());
        assertThat(MailTesting.mailsTo(later)).isEmpty();
    }

    /** What the lead's completion use case publishes, in a transaction of its own. */
    private void complete(Account centre, InspectionRows.Written written, Outcome outcome) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> events.publishEvent(new InspectionCompleted(
                centre.tenantId(), written.inspectionId(), written.vehicleId(), written.reportNumber(), outcome.name())));
    }
}
