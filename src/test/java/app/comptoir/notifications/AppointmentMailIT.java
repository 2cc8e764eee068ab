package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.bookings.application.Reminders;
import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * The customer's e-mails about an appointment, sent through a real SMTP server: the confirmation with the link to
 * manage it and the calendar file (times in UTC), in the language they booked in, and the reminder the day before,
 * once; a customer without an address is logged as not sendable.
 */
@MailIntegrationTest
class AppointmentMailIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    @BeforeEach
    void smtpUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpDown() {
        MailTesting.stopSmtp();
    }

    @Test
    void bookingMailsTheConfirmationWithTheLinkAndTheCalendarFileThenTheReminderOnce() throws Exception {
        Account admin = Api.newBusiness(port, "Contrôle du Centre");
        String business = Api.as(port, admin).get("/api/v1/tenant").then().extract().path("name");
        String service = setUp(admin);
        LocalDate monday = LocalDate.now(PARIS).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Instant nine = monday.atTime(9, 0).atZone(PARIS).toInstant();
        String email = Api.uniqueEmail("client");
        JsonPath booked = book(admin, service, nine, email, "fr");
        String token = booked.getString("manageToken");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        MimeMessage mail = MailTesting.mailsTo(email).getFirst();
        assertThat(mail.getSubject()).startsWith("Rendez-vous confirmé le lundi").endsWith(" – " + business);
        String text = MailTesting.part(mail, "text/plain");
        assertThat(text).contains("Bonjour Léa Martin,", "Contrôle technique, le lundi", "de 09:00 à 09:45",
                booked.getString("appointment.reference"), "À régler sur place : 78,00",
                MailTesting.PUBLIC_URL + "/book/" + admin.tenantSlug() + "/manage/");
        assertThat(text).contains("/manage/" + token); // the link of the confirmation page
        List<Map.Entry<String, byte[]>> files = MailTesting.attachments(mail);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getKey()).isEqualTo("rendez-vous.ics");
        String ics = new String(files.getFirst().getValue(), StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VEVENT", "DTSTART:" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(nine), "STATUS:CONFIRMED");

        // the day before, as of a moved clock: one reminder, whatever the number of runs
        Instant dayBefore = nine.minus(Duration.ofHours(20));
        assertThat(reminders.remind(admin.tenantId(), nine.minus(Duration.ofHours(30)))).isZero();
        assertThat(reminders.remind(admin.tenantId(), dayBefore)).isEqualTo(1);
        assertThat(reminders.remind(admin.tenantId(), dayBefore.plus(Duration.ofHours(1)))).isZero();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(2));
        MimeMessage reminder = MailTesting.mailsTo(email).stream()
                .filter(m -> subject(m).startsWith("Rappel")).findFirst().orElseThrow();
        assertThat(subject(reminder)).isEqualTo("Rappel : rendez-vous demain à 09:00 – " + business);
        assertThat(MailTesting.part(reminder, "text/plain")).contains("Déplacez ou annulez",
                MailTesting.PUBLIC_URL + "/book/" + admin.tenantSlug() + "/manage/");
    }

    @Test
    void aCustomerBookingInEnglishGetsTheMailInEnglishAndOneWithoutAddressIsLogged() {
        Account admin = Api.newBusiness(port, "Test Centre");
        String service = setUp(admin);
        LocalDate tuesday = LocalDate.now(PARIS).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        String email = Api.uniqueEmail("customer");
        book(admin, service, tuesday.atTime(10, 0).atZone(PARIS).toInstant(), email, "en");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(email), hasSize(1));
        assertThat(subject(MailTesting.mailsTo(email).getFirst())).startsWith("Appointment confirmed on Monday");

        book(admin, service, tuesday.atTime(11, 0).atZone(PARIS).toInstant(), null, "fr");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Api.as(port, admin)
                .queryParam("status", "UNSENDABLE").get("/api/v1/notifications/mails").then().statusCode(200)
                .extract().jsonPath().getList("items"), hasSize(1));
        assertThat(Api.as(port, admin).queryParam("status", "UNSENDABLE").get("/api/v1/notifications/mails").then()
                .extract().jsonPath().getString("items[0].reason")).contains("pas donné d'adresse e-mail");
    }

    private String setUp(Account admin) {
        Api.as(port, admin).body(Map.of("horizonDays", 365, "minNoticeMinutes", 0)).put("/api/v1/bookings/settings")
                .then().statusCode(200);
        String lane = Api.as(port, admin).body(Map.of("name", "Ligne 1", "kind", "LANE", "hours",
                        List.of(Map.of("weekday", 1, "opensAt", "08:00", "closesAt", "12:00"))))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
        return Api.as(port, admin).body(Map.of("name", "Contrôle technique", "durationMinutes", 45, "price", "78.00",
                        "resourceIds", List.of(lane))).post("/api/v1/bookings/services").then().statusCode(201)
                .extract().path("id");
    }

    private JsonPath book(Account admin, String service, Instant start, String email, String lang) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceId", service, "start", start.toString(),
                "customerName", "Léa Martin", "phone", "06 12 34 56 78"));
        if (email != null) {
            body.put("email", email);
        }
        return Api.given(port).queryParam("lang", lang).body(body)
                .post("/api/v1/booking/" + admin.tenantSlug() + "/appointments").then().statusCode(201).extract()
                .jsonPath();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
