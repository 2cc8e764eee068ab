package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;

import app.comptoir.identity.PasswordResetRequested;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Prometheus;
import app.comptoir.support.WebSession;

/**
 * The whole way, as a user lives it, with nothing published by hand: identity's forms and API raise the
 * events, notifications mails them through a real SMTP server (GreenMail), and the link in the received mail
 * is what the user follows. Also an order event reaching a manager's mailbox through the dispatcher and the
 * e-mail channel once the manager asked for it, and an event whose listener a crash interrupted, mailed once
 * after the restart.
 */
@MailIntegrationTest
class AccountMailsEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventSerializer serializer;

    @Autowired
    IncompleteEventPublications incomplete;

    @BeforeEach
    void smtpIsUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpStops() {
        MailTesting.stopSmtp();
    }

    @Test
    void aForgottenPasswordIsResetFromTheLinkInTheMailAndTheLinkWorksOnce() {
        Account admin = Api.newBusiness(port, "Jardinerie des Oublis");
        Api.given(port).body(Map.of("email", admin.email())).post("/api/v1/auth/password-reset")
                .then().statusCode(202);

        String token = tokenIn(onlyMailTo(admin.email()), "/reset-password?token=");
        Api.given(port).body(Map.of("token", token, "password", "un-nouveau-secret-42"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);

        Api.login(port, admin.email(), "un-nouveau-secret-42").then().statusCode(200);
        Api.login(port, admin.email(), admin.password()).then().statusCode(401);
        Api.given(port).body(Map.of("token", token, "password", "encore-un-autre-43"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(410);
    }

    @Test
    void aMailSentIsCountedOnThePrometheusPage() {
        String before = Prometheus.scrape(port);
        Account admin = Api.newBusiness(port, "Jardinerie des Compteurs");
        Api.given(port).body(Map.of("email", admin.email())).post("/api/v1/auth/password-reset")
                .then().statusCode(202);
        onlyMailTo(admin.email());

        // Counted once handed to the SMTP server: at least this one (other tests of the context may send meanwhile).
        await().atMost(WAIT).untilAsserted(() -> {
            String after = Prometheus.scrape(port);
            assertThat(Prometheus.value(after, "comptoir_mails_written_total", "status=\"QUEUED\""))
                    .isGreaterThanOrEqualTo(Prometheus.value(before, "comptoir_mails_written_total",
                            "status=\"QUEUED\"") + 1);
            assertThat(Prometheus.value(after, "comptoir_mails_attempts_total", "outcome=\"SENT\""))
                    .isGreaterThanOrEqualTo(Prometheus.value(before, "comptoir_mails_attempts_total",
                            "outcome=\"SENT\"") + 1);
        });
    }

    @Test
    void anInvitedColleagueJoinsFromTheLinkInTheMail() {
        Account admin = Api.newBusiness(port, "Pépinière Invite");
        String colleague = Api.uniqueEmail("invitee");
        Api.as(port, admin).body(Map.of("email", colleague, "role", "DRIVER")).post("/api/v1/invitations")
                .then().statusCode(201);

        String token = tokenIn(onlyMailTo(colleague), "/invitation?token=");
        WebSession web = new WebSession(port);
        assertThat(web.get("/invitation?token=" + token).body()).contains("Pépinière Invite");
        WebSession.Page joined = web.post("/invitation", Map.of("token", token, "name", "Lou Martin",
                "password", "un-secret-de-livreur-7"));
        assertThat(joined.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));

        Api.login(port, colleague, "un-secret-de-livreur-7").then().statusCode(200);
    }

    @Test
    void aManagerWhoAskedForOrderMailsGetsOneForANewOrder() {
        Account admin = Api.newBusiness(port, "Jardinerie Courrier");
        Api.as(port, admin).body(List.of(Map.of("type", "order.created", "channels", Map.of("IN_APP", true, "EMAIL", true))))
                .put("/api/v1/notifications/preferences").then().statusCode(200);
        String variant = Api.as(port, admin).body(Map.of("name", "Arrosoir", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "ARR-MAIL", "price", new BigDecimal("12.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        String number = Api.as(port, admin).body(Map.of("customer", Map.of("name", "Mme Girard", "phone", "06 12 34 56 78"),
                        "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("number");

        MimeMessage mail = onlyMailTo(admin.email());
        assertThat(MailTesting.part(mail, "text/plain")).contains(number).contains("/app/sales/orders/");
    }

    @Test
    void aResetAskedJustBeforeACrashIsMailedOnceAfterTheRestart() throws Exception {
        Account admin = Api.newBusiness(port, "Jardinerie Reprise");
        PasswordResetRequested event = new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(),
                "Camille", "fr", "reset-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.MINUTES));
        // What a crash right after identity's commit leaves behind: the publication stored with the business
        // change, its listener never run.
        UUID publication = UUID.randomUUID();
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                values (?, 'notifications.mail-password-reset', ?, ?, now() - interval '1 minute', 'PUBLISHED', 1)""",
                publication, PasswordResetRequested.class.getName(), serializer.serialize(event).toString());
        assertThat(MailTesting.mailsTo(admin.email())).isEmpty();

        // What the next start does (spring.modulith.events.republish-outstanding-events-on-restart), twice over,
        // as two nodes starting together would.
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));

        MimeMessage mail = onlyMailTo(admin.email());
        assertThat(MailTesting.part(mail, "text/plain")).contains("/reset-password?token=" + event.token());
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where id = ? and completion_date is null", Integer.class,
                publication) == 0);
        Thread.sleep(2000); // time for a second sending to show, had one been planned (db-scheduler polls every second)
        assertThat(MailTesting.mailsTo(admin.email())).hasSize(1);
    }

    private MimeMessage onlyMailTo(String address) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(address), hasSize(1));
        return MailTesting.mailsTo(address).getFirst();
    }

    private static String tokenIn(MimeMessage mail, String path) {
        String text = MailTesting.part(mail, "text/plain");
        assertThat(text).contains(MailTesting.PUBLIC_URL + path);
        Matcher matcher = TOKEN.matcher(text.substring(text.indexOf(path)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
