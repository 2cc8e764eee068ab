package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The public booking of a business, over its API and its pages: booking a slot (a reference, the customer's link,
 * what is due recorded), the confirmation page with the QR code of the link and the calendar file in UTC, the
 * customer moving and cancelling through the link until the cut-off and getting the business's phone after it, bad
 * inputs refused field by field, retries answered once, and no page for an unknown business or one without the
 * BOOKINGS module.
 */
@IntegrationTest
class PublicBookingIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void aCustomerBooksAndGetsTheirLinkItsQrCodeAndTheCalendarFileInUtc() throws Exception {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(1), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 45, "78.00", List.of("M1", "N1"), lane);
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 3);
        Instant nine = monday.atTime(9, 0).atZone(PARIS).toInstant();
        Map<String, Object> body = BookingsApi.booking(service, nine.toString());
        body.put("vehiclePlate", "ab 123 cd");
        body.put("vehicleCategory", "m1");

        JsonPath booked = centre.anonymous().body(body).post("/api/v1/booking/" + centre.slug() + "/appointments")
                .then().statusCode(201).extract().jsonPath();

        String token = booked.getString("manageToken");
        assertThat(token).hasSize(43);
        assertThat(booked.getString("appointment.reference")).matches("RDV-\\d{4}-000001");
        assertThat(booked.getString("appointment.status")).isEqualTo("CONFIRMED");
        assertThat(booked.getString("appointment.vehiclePlate")).isEqualTo("AB-123-CD");
        assertThat(booked.getString("appointment.vehicleCategory")).isEqualTo("M1");
        assertThat(booked.getString("appointment.time")).isEqualTo("09:00");
        assertThat(booked.getString("manageUrl")).endsWith("/book/" + centre.slug() + "/manage/" + token);
        assertThat(booked.getString("paymentUrl")).isNull();
        centre.anonymous().get("/api/v1/booking/" + centre.slug() + "/appointments/" + token).then().statusCode(200)
                .body("reference", equalTo(booked.getString("appointment.reference")))
                .body("changeable", equalTo(true)).body("contactPhone", equalTo("04 72 10 20 30"));
        // staff see it with what is due
        String id = booked.getString("appointment.id");
        centre.call().get("/api/v1/bookings/appointments/" + id).then().statusCode(200)
                .body("source", equalTo("PUBLIC")).body("payment.due", equalTo(78.0f))
                .body("payment.state", equalTo("UNPAID")).body("history[0].action", equalTo("BOOKED"));

        Response ics = centre.anonymous().accept("text/calendar")
                .get("/book/" + centre.slug() + "/manage/" + token + "/calendar.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        String calendar = ics.asString();
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("BEGIN:VEVENT\r\n", "UID:" + id + "@comptoir\r\n", "DTSTART:" + utc.format(nine) + "\r\n",
                        "DTEND:" + utc.format(nine.plus(Duration.ofMinutes(45))) + "\r\n", "STATUS:CONFIRMED\r\n",
                        "SUMMARY:Contrôle technique – ");
        assertThat(calendar.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\n");

        WebSession web = new WebSession(port);
        WebSession.Page page = web.get("/book/" + centre.slug() + "/manage/" + token + "?booked");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(booked.getString("appointment.reference"), "data-status=\"CONFIRMED\"",
                "Votre rendez-vous est confirmé", "AB-123-CD", "/calendar.ics", "data-qr");
        byte[] png = centre.anonymous().accept("image/png").get("/book/" + centre.slug() + "/manage/" + token + "/qr.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).endsWith("/book/" + centre.slug() + "/manage/" + token);
    }

    @Test
    void theCustomerMovesAndCancelsThroughTheirLinkUntilTheCutOff() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(2), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane);
        LocalDate tuesday = BookingsApi.next(DayOfWeek.TUESDAY, 3);
        String base = "/api/v1/booking/" + centre.slug() + "/appointments";
        String token = centre.anonymous().body(BookingsApi.booking(service, at(tuesday, 9))).post(base).then()
                .statusCode(201).extract().path("manageToken");

        centre.anonymous().body(Map.of("start", at(tuesday, 10))).post(base + "/" + token + "/reschedule").then()
                .statusCode(200).body("time", equalTo("10:00")).body("status", equalTo("CONFIRMED"));
        assertThat(centre.times(service, tuesday)).contains("09:00").doesNotContain("10:00");
        // another customer took 11:00: moving there is refused with the free ones
        centre.anonymous().body(BookingsApi.booking(service, at(tuesday, 11))).post(base).then().statusCode(201);
        centre.anonymous().body(Map.of("start", at(tuesday, 11))).post(base + "/" + token + "/reschedule").then()
                .spec(Api.problem(409, "slot-unavailable"));

        centre.anonymous().post(base + "/" + token + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("changeable", equalTo(false));
        assertThat(centre.times(service, tuesday)).contains("10:00");
        centre.anonymous().post(base + "/" + token + "/cancel").then().spec(Api.problem(409, "appointment-transition"));
    }

    @Test
    void afterTheCutOffTheCustomerIsGivenTheBusinessPhone() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 24h", 1, List.of(1, 2, 3, 4, 5, 6, 7), "00:00", "23:45");
        String service = centre.service("Contrôle rapide", 15, "30.00", List.of(), lane);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(PARIS);
        List<String> soon = new ArrayList<>();
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            centre.slots(service, day).<String>getList("slots.start").stream()
                    .filter(s -> Instant.parse(s).isAfter(now.plus(Duration.ofHours(2)))
                            && Instant.parse(s).isBefore(now.plus(Duration.ofHours(20))))
                    .forEach(soon::add);
        }
        String base = "/api/v1/booking/" + centre.slug() + "/appointments";
        String token = centre.anonymous().body(BookingsApi.booking(service, soon.getFirst())).post(base).then()
                .statusCode(201).body("appointment.changeable", equalTo(false)).extract().path("manageToken");

        centre.anonymous().header("Accept-Language", "fr").post(base + "/" + token + "/cancel").then()
                .spec(Api.problem(409, "booking-cutoff-passed")).body("phone", equalTo("04 72 10 20 30"))
                .body("cutoffHours", equalTo(24));
        centre.anonymous().body(Map.of("start", soon.get(1))).post(base + "/" + token + "/reschedule").then()
                .spec(Api.problem(409, "booking-cutoff-passed"));
        WebSession web = new WebSession(port);
        String page = web.get("/book/" + centre.slug() + "/manage/" + token).body();
        assertThat(page).contains("data-too-late", "04 72 10 20 30").doesNotContain("data-cancel");
        WebSession.Page refused = web.post("/book/" + centre.slug() + "/manage/" + token + "/cancel", Map.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-cutoff-passed", "appelez-nous au 04 72 10 20 30");
    }

    @Test
    void badInputsAreRefusedFieldByFieldAsProblemDetails() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(3), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 45, "78.00", List.of("M1", "N1"), lane);
        LocalDate wednesday = BookingsApi.next(DayOfWeek.WEDNESDAY, 3);
        String base = "/api/v1/booking/" + centre.slug() + "/appointments";
        Map<String, Object> bad = new HashMap<>(Map.of("serviceId", service, "start", at(wednesday, 7),
                "customerName", " ", "phone", "12", "email", "pas-une-adresse", "vehiclePlate", "XYZ",
                "vehicleCategory", "Q"));

        centre.anonymous().body(bad).post(base).then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("customerName", "phone", "email", "vehiclePlate", "vehicleCategory",
                        "start"));
        Map<String, Object> online = BookingsApi.booking(service, at(wednesday, 9));
        online.put("vehiclePlate", "1234 AB 69");
        online.put("vehicleCategory", "N1");
        online.put("paymentChoice", "ONLINE");
        centre.anonymous().body(online).post(base).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("paymentChoice"));
        centre.anonymous().body(Map.of("serviceId", service, "surprise", 1)).post(base).then()
                .spec(Api.problem(400, "unknown-field"));
        centre.anonymous().body(Map.of("serviceId", UUID.randomUUID().toString())).post(base).then()
                .spec(Api.problem(404, "not-found"));
        centre.anonymous().get(base + "/not-a-token").then().spec(Api.problem(404, "not-found"));
        centre.anonymous().get(base + "/" + "A".repeat(43)).then().spec(Api.problem(404, "not-found"));
        centre.anonymous().get("/api/v1/booking/no-such-business-" + UUID.randomUUID().toString().substring(0, 8)
                + "/services").then().spec(Api.problem(404, "not-found"));
        centre.anonymous().queryParam("day", "hier").get("/api/v1/booking/" + centre.slug() + "/services/" + service
                + "/slots").then().statusCode(400).body("type", startsWith("https://comptoir.app/problems/"));

        // the details page shows the refusals next to the fields, in French
        WebSession web = new WebSession(port);
        String form = "/book/" + centre.slug() + "/services/" + service + "/details";
        assertThat(web.get(form + "?start=" + at(wednesday, 9)).status()).isEqualTo(200);
        WebSession.Page refused = web.post(form, Map.of("start", at(wednesday, 9), "customerName", "",
                "phone", "12", "email", "", "vehiclePlate", "XYZ", "paymentChoice", "ON_SITE",
                "requestId", UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"customerName\"", "is-invalid", "Obligatoire.",
                "Saisissez un numéro de téléphone", "Saisissez une immatriculation française",
                "Choisissez la catégorie du véhicule.");
    }

    @Test
    void aRetriedBookingIsAnsweredWithTheFirstAndAKeyReusedForAnotherIsRefused() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(4), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane);
        LocalDate thursday = BookingsApi.next(DayOfWeek.THURSDAY, 3);
        String base = "/api/v1/booking/" + centre.slug() + "/appointments";
        Map<String, Object> body = BookingsApi.booking(service, at(thursday, 9));

        String first = centre.anonymous().header("Idempotency-Key", "essai-1").body(body).post(base).then()
                .statusCode(201).extract().path("appointment.reference");
        centre.anonymous().header("Idempotency-Key", "essai-1").body(body).post(base).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("appointment.reference", equalTo(first));
        Map<String, Object> other = BookingsApi.booking(service, at(thursday, 10));
        centre.anonymous().header("Idempotency-Key", "essai-1").body(other).post(base).then()
                .spec(Api.problem(422, "idempotency-key-reused"));
        assertThat(centre.call().queryParam("from", thursday.toString()).queryParam("to", thursday.toString())
                .get("/api/v1/bookings/appointments").then().statusCode(200).extract().jsonPath().getList("id"))
                .hasSize(1);
    }

    @Test
    void theBookingPagesWalkFromServiceToConfirmation() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(5), "08:00", "10:00");
        String service = centre.service("Contre-visite", 20, "0", List.of(), lane);
        LocalDate friday = BookingsApi.next(DayOfWeek.FRIDAY, 3);
        WebSession web = new WebSession(port);

        WebSession.Page home = web.get("/book/" + centre.slug());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Contre-visite", "Gratuit", "/book/" + centre.slug() + "/services/" + service);
        WebSession.Page week = web.get("/book/" + centre.slug() + "/services/" + service + "?day=" + friday);
        assertThat(week.body()).contains("data-week-strip", "data-day=\"" + friday + "\"", "data-slot=\"08:00\"");
        WebSession.Page details = web.get("/book/" + centre.slug() + "/services/" + service + "/details?start="
                + at(friday, 8));
        assertThat(details.body()).contains("booking-form").doesNotContain("name=\"vehiclePlate\"")
                .doesNotContain("pay-online");
        WebSession.Page booked = web.post("/book/" + centre.slug() + "/services/" + service + "/details",
                Map.of("start", at(friday, 8), "customerName", "Paul Durand", "phone", "06 98 76 54 32",
                        "email", "", "requestId", UUID.randomUUID().toString()));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(booked.location().orElseThrow()).contains("/book/" + centre.slug() + "/manage/").endsWith("?booked");
        WebSession.Page confirmation = web.get(booked.location().orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(confirmation.body()).contains("Votre rendez-vous est confirmé", "data-reference");
        assertThat(web.get("/book/" + centre.slug() + "?lang=en").body()).contains("Choose a service");

        assertThat(web.get("/book/no-such-business-" + UUID.randomUUID().toString().substring(0, 8)).status())
                .isEqualTo(404);
        JsonPath tenant = centre.call().get("/api/v1/tenant").then().extract().jsonPath();
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", tenant.getString("name"));
        settings.put("slug", tenant.getString("slug"));
        settings.put("currency", "EUR");
        settings.put("locale", "fr");
        settings.put("timezone", "Europe/Paris");
        settings.put("enabledModules", List.of("SALES"));
        centre.call().body(settings).put("/api/v1/tenant").then().statusCode(200);
        assertThat(web.get("/book/" + centre.slug()).status()).isEqualTo(404);
        centre.anonymous().get("/api/v1/booking/" + centre.slug() + "/services").then().spec(Api.problem(404, "not-found"));
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant().toString();
    }
}
