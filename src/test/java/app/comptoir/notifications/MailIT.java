package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;

import app.comptoir.identity.ColleagueInvited;
import app.comptoir.notifications.application.Channel;
import app.comptoir.notifications.application.Notice;
import app.comptoir.notifications.application.NotificationChannel;
import app.comptoir.platform.TenantContext;
import app.comptoir.identity.PasswordResetRequested;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.WebSession;

/**
 * E-mail end to end against a real SMTP server (GreenMail) started by the test: the account mails of identity's
 * events, the quote PDF to the customer, an SMTP outage and its retry, a replayed event, and the delivery log.
 * The identity events are published here as identity publishes them (in a transaction), so the listener runs
 * through the persistent publication registry as in production.
 */
@MailIntegrationTest
class MailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<NotificationChannel> channels;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void smtpIsUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpStops() {
        MailTesting.stopSmtp();
    }

    @Test
    void aPasswordResetMailArrivesInFrenchWithItsSingleUseLinkAndTheBusinessName() throws Exception {
        Account admin = Api.newBusiness(port, "Quincaillerie Martin");
        String business = businessName(admin);
        String token = "reset-" + UUID.randomUUID();

        publish(new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(), "Camille Martin", "fr",
                token, Instant.now().plus(30, ChronoUnit.MINUTES)));

        MimeMessage mail = onlyMailTo(admin.email());
        String link = MailTesting.PUBLIC_URL + "/reset-password?token=" + token;
        assertThat(mail.getSubject()).isEqualTo("Réinitialiser votre mot de passe – " + business);
        assertThat(mail.getFrom()[0].toString()).contains("ne-pas-repondre@comptoir.test");
        assertThat(MailTesting.part(mail, "text/plain")).contains("Bonjour Camille Martin,", link, "30 minutes",
                business);
        assertThat(MailTesting.part(mail, "text/html")).contains("href=\"" + link + "\"",
                "Choisir un nouveau mot de passe", business);

        JsonPath log = awaitLog(admin, "SENT", 1);
        assertThat(log.getString("items[0].template")).isEqualTo("password-reset");
        assertThat(log.getString("items[0].recipient")).isEqualTo(admin.email());
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
    }

    @Test
    void anInvitationMailArrivesInFrenchWithItsLinkTheRoleAndWhoInvited() throws Exception {
        Account admin = Api.newBusiness(port, "Fleurs de Lyon");
        String business = businessName(admin);
        String colleague = Api.uniqueEmail("colleague");
        String token = "invite-" + UUID.randomUUID();

        publish(new ColleagueInvited(admin.tenantId(), UUID.randomUUID(), colleague, "MANAGER", "Camille Martin", "fr",
                token, Instant.now().plus(7, ChronoUnit.DAYS)));

        MimeMessage mail = onlyMailTo(colleague);
        String link = MailTesting.PUBLIC_URL + "/invitation?token=" + token;
        assertThat(mail.getSubject()).isEqualTo("Camille Martin vous invite à rejoindre " + business + " sur Comptoir");
        assertThat(MailTesting.part(mail, "text/plain")).contains(link, "« Gérant »", business, "Accepter l'invitation");
        assertThat(MailTesting.part(mail, "text/html")).contains("href=\"" + link + "\"", business);
    }

    @Test
    void theBusinesssLogoIsShownInTheMailAsAnInlineImage() throws Exception {
        Account admin = Api.newBusiness(port, "Logo");
        Api.as(port, admin).contentType("image/png").body(png()).put("/api/v1/tenant/legal-identity/logo")
                .then().statusCode(204);
        String colleague = Api.uniqueEmail("colleague");

        publish(new ColleagueInvited(admin.tenantId(), UUID.randomUUID(), colleague, "VIEWER", "Camille", "fr",
                "invite-" + UUID.randomUUID(), Instant.now().plus(7, ChronoUnit.DAYS)));

        MimeMessage mail = onlyMailTo(colleague);
        assertThat(MailTesting.part(mail, "text/html")).contains("src=\"cid:logo\"");
        assertThat(MailTesting.inlineImages(mail)).containsExactly("<logo>");
    }

    @Test
    void aPasswordResetMailIsInEnglishForAnEnglishSpeakingBusiness() throws Exception {
        Account admin = Api.newBusiness(port, "Garden Store");
        publish(new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(), "Sam", "en",
                "reset-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.MINUTES)));

        MimeMessage mail = onlyMailTo(admin.email());
        assertThat(mail.getSubject()).startsWith("Reset your password – ");
        assertThat(MailTesting.part(mail, "text/plain")).contains("Hello Sam,", "Choose a new password");
    }

    @Test
    void aReplayedEventSendsNothingTwice() throws Exception {
        Account admin = Api.newBusiness(port, "Replay");
        PasswordResetRequested event = new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(),
                "Camille", "fr", "reset-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.MINUTES));

        publish(event);
        onlyMailTo(admin.email());
        publish(event);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("""
                select count(*) from event_publication
                 where listener_id = 'notifications.mail-password-reset' and completion_date is null""", Integer.class) == 0);
        // Time for a second sending to show, had one been planned (db-scheduler polls every second here).
        Thread.sleep(3000);

        assertThat(MailTesting.mailsTo(admin.email())).hasSize(1);
        Api.as(port, admin).get("/api/v1/notifications/mails").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("SENT"));
    }

    @Test
    void aMailQueuedDuringAnSmtpOutageFailsWithTheReasonAndIsSentOnceWhenTheServerIsBack() throws Exception {
        Account admin = Api.newBusiness(port, "Panne");
        MailTesting.stopSmtp();
        try {
            publish(resetOf(admin));
            JsonPath failed = awaitLog(admin, "FAILED", 1);
            assertThat(failed.getString("items[0].reason")).containsIgnoringCase("connect");
            assertThat(failed.getString("items[0].nextAttemptAt")).isNotNull();
        } finally {
            MailTesting.startSmtp();
        }

        onlyMailTo(admin.email());
        JsonPath sent = awaitLog(admin, "SENT", 1);
        assertThat(sent.getInt("items[0].attempts")).isGreaterThanOrEqualTo(2);
        assertThat(sent.getString("items[0].reason")).isNull();
        Thread.sleep(2000);
        assertThat(MailTesting.mailsTo(admin.email())).hasSize(1);
    }

    @Test
    void aMailWrittenWhileNoNodeSendsWaitsInTheDatabaseAndLeavesOnceSendingResumes() throws Exception {
        Account admin = Api.newBusiness(port, "Redemarrage");
        // As between a crash and the next start: the mail and its execution are committed, nothing runs them.
        scheduler.pause();
        try {
            publish(resetOf(admin));
            awaitLog(admin, "QUEUED", 1);
            assertThat(jdbc.queryForObject("""
                    select count(*) from scheduled_tasks where task_name = 'notifications-mail' and task_instance like ?""",
                    Integer.class, admin.tenantId() + "/%")).isEqualTo(1);
            Thread.sleep(2000);
            assertThat(MailTesting.mailsTo(admin.email())).isEmpty();
        } finally {
            scheduler.resume();
        }

        onlyMailTo(admin.email());
        assertThat(awaitLog(admin, "SENT", 1).getInt("items[0].attempts")).isEqualTo(1);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("""
                select count(*) from scheduled_tasks where task_name = 'notifications-mail' and task_instance like ?""",
                Integer.class, admin.tenantId() + "/%") == 0);
    }

    @Test
    void sendingAQuoteMailsItsPdfToTheCustomer() throws Exception {
        Account admin = Api.newBusiness(port, "Pépinière");
        String business = businessName(admin);
        String customerEmail = Api.uniqueEmail("client");
        String quote = quoteFor(admin, customerEmail);

        JsonPath sent = Api.as(port, admin).body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + quote + "/status")
                .then().statusCode(200).extract().jsonPath();
        String number = sent.getString("number");

        MimeMessage mail = onlyMailTo(customerEmail);
        assertThat(mail.getSubject()).isEqualTo("Devis " + number + " – " + business);
        assertThat(MailTesting.part(mail, "text/plain")).contains("Bonjour Mairie de Caluire,", number);
        List<Map.Entry<String, byte[]>> files = MailTesting.attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getKey()).isEqualTo(number + ".pdf");
        assertThat(new String(files.getFirst().getValue(), 0, 5)).isEqualTo("%PDF-");
        assertThat(awaitLog(admin, "SENT", 1).getString("items[0].template")).isEqualTo("quote");
    }

    @Test
    void aQuoteToACustomerWithoutAnAddressIsLoggedAsNotSendableWithTheReason() {
        Account admin = Api.newBusiness(port, "Sans adresse");
        String quote = quoteFor(admin, null);

        Api.as(port, admin).body(Map.of("status", "SENT")).patch("/api/v1/quotes/" + quote + "/status")
                .then().statusCode(200);

        JsonPath log = awaitLog(admin, "UNSENDABLE", 1);
        assertThat(log.getString("items[0].reason")).contains("pas d'adresse e-mail");
        assertThat(log.getString("items[0].recipient")).isNull();
    }

    @Test
    void theLogIsForAdministratorsAndOnlyAFailedOrBouncedMailIsSentAgain() throws Exception {
        Account admin = Api.newBusiness(port, "Journal");
        Account manager = Api.newUser(port, admin, "MANAGER");
        publish(resetOf(admin));
        String id = awaitLog(admin, "SENT", 1).getString("items[0].id");

        Api.as(port, manager).get("/api/v1/notifications/mails").then().statusCode(403);
        Api.as(port, admin).post("/api/v1/notifications/mails/" + id + "/retry")
                .then().spec(Api.problem(409, "mail-not-resendable"));
        Api.as(port, admin).post("/api/v1/notifications/mails/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        Api.as(port, admin).queryParam("status", "LOST").get("/api/v1/notifications/mails").then().statusCode(400);

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        WebSession.Page page = web.get("/app/notifications/mails");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Journal des e-mails", admin.email(), "Envoyé");
        assertThat(web.get("/app/notifications/mails?status=FAILED").body()).contains("Aucun e-mail");
    }

    @Test
    void anAdministratorSendsAFailedMailAgainAndItArrivesOnce() throws Exception {
        Account admin = Api.newBusiness(port, "Renvoi");
        MailTesting.stopSmtp();
        String id;
        try {
            publish(resetOf(admin));
            id = awaitLog(admin, "FAILED", 1).getString("items[0].id");
        } finally {
            MailTesting.startSmtp();
        }
        Api.as(port, admin).post("/api/v1/notifications/mails/" + id + "/retry").then().statusCode(200)
                .body("id", equalTo(id));

        onlyMailTo(admin.email());
        awaitLog(admin, "SENT", 1);
        Thread.sleep(2000);
        assertThat(MailTesting.mailsTo(admin.email())).hasSize(1);
    }

    @Test
    void aNoticeForTheEmailChannelArrivesWithItsButtonToTheRecordAndOnlyOnce() throws Exception {
        Account admin = Api.newBusiness(port, "Notices");
        NotificationChannel email = channels.stream().filter(c -> c.channel() == Channel.EMAIL).findFirst().orElseThrow();
        Notice notice = new Notice(UUID.randomUUID(), admin.tenantId(), admin.userId(), admin.email(), Locale.FRENCH,
                "order.created", "Commande CMD-2026-000042 créée", "Mairie de Caluire, 3 articles, 37,50 €.",
                "/app/sales/orders/42", Instant.now());

        for (int i = 0; i < 2; i++) {
            tenantContext.runAs(admin.tenantId(),
                    () -> new TransactionTemplate(transactions).executeWithoutResult(s -> email.deliver(notice)));
        }

        MimeMessage mail = onlyMailTo(admin.email());
        assertThat(mail.getSubject()).isEqualTo("Commande CMD-2026-000042 créée");
        assertThat(MailTesting.part(mail, "text/plain")).contains("Mairie de Caluire, 3 articles, 37,50 €.",
                "Ouvrir dans Comptoir", MailTesting.PUBLIC_URL + "/app/sales/orders/42");
        assertThat(awaitLog(admin, "SENT", 1).getString("items[0].template")).isEqualTo("notice");
        Thread.sleep(2000);
        assertThat(MailTesting.mailsTo(admin.email())).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh password-reset request of the administrator (French, a new token). */
    private static PasswordResetRequested resetOf(Account admin) {
        return new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(), "Camille", "fr",
                "reset-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.MINUTES));
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private MimeMessage onlyMailTo(String address) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(address), hasSize(1));
        return MailTesting.mailsTo(address).getFirst();
    }

    private JsonPath awaitLog(Account admin, String status, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Api.as(port, admin)
                .queryParam("status", status).get("/api/v1/notifications/mails").then().statusCode(200)
                .extract().jsonPath().getList("items"), hasSize(count));
        return Api.as(port, admin).queryParam("status", status).get("/api/v1/notifications/mails")
                .then().statusCode(200).extract().jsonPath();
    }

    private static byte[] png() {
        try (var out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String businessName(Account admin) {
        return Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().path("name");
    }

    /** A draft quote of one line for a customer with that e-mail address (or none). */
    private String quoteFor(Account admin, String email) {
        String variant = Api.as(port, admin).body(Map.of("name", "Rosier", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "ROS-" + UUID.randomUUID().toString().substring(0, 6),
                                "price", new BigDecimal("12.50")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Map<String, Object> customer = email == null ? Map.of("name", "Mairie de Caluire", "phone", "04 78 98 80 80")
                : Map.of("name", "Mairie de Caluire", "phone", "04 78 98 80 80", "email", email);
        String customerId = Api.as(port, admin).body(customer).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        return Api.as(port, admin).body(Map.of("customerId", customerId,
                        "lines", List.of(Map.of("variantId", variant, "quantity", 3))))
                .post("/api/v1/quotes").then().statusCode(201).extract().path("id");
    }
}
