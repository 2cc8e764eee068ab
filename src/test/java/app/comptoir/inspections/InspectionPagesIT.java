package app.comptoir.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The inspection centre's screens: the day lists the appointment, its QR code (the customer's link) opens the
 * check-in, a wrong plate is refused next to its field, the checklist takes a major defect with its finding, the rest
 * OK at once, completion asks for the odometer, then shows the counter-visit and the report; the vehicle's page
 * shows the counter-visit due; a viewer sees the day without the buttons and cannot act.
 */
@IntegrationTest
class InspectionPagesIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void theReceptionChecksInByQrCodeAndTheInspectorCompletesTheChecklist() {
        Account centre = Api.newBusiness(port, "CT des Pages");
        Api.as(port, centre).body(Map.of("horizonDays", 60, "minNoticeMinutes", 0)).put("/api/v1/bookings/settings")
                .then().statusCode(200);
        String lane = resource(centre, "Ligne A", "LANE");
        resource(centre, "Inès Fabre", "INSPECTOR");
        String service = Api.as(port, centre).body(Map.of("name", "Contrôle technique", "durationMinutes", 45,
                        "price", "78.00", "vehicleCategories", List.of("M1"), "resourceIds", List.of(lane)))
                .post("/api/v1/bookings/services").then().statusCode(201).extract().<String>path("id");
        LocalDate monday = LocalDate.now(PARIS).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Map<String, Object> booking = new HashMap<>(Map.of("serviceId", service,
                "start", monday.atTime(10, 0).atZone(PARIS).toInstant().toString(), "customerName", "Paul Girard",
                "phone", "06 22 33 44 55", "email", "paul.girard@example.test", "vehiclePlate", "GH-456-JK",
                "vehicleCategory", "M1"));
        JsonPath booked = Api.given(port).body(booking).post("/api/v1/booking/" + centre.tenantSlug() + "/appointments")
                .then().statusCode(201).extract().jsonPath();
        String reference = booked.getString("appointment.reference");

        WebSession web = signedIn(centre);
        String day = web.get("/app/inspections?day=" + monday).body();
        assertThat(day).contains("data-arrival=\"" + reference + "\"", "Paul Girard", "GH-456-JK", "data-check-in",
                "data-qr-form", "data-lane=\"Ligne A\"");

        WebSession.Page unknown = web.get("/app/inspections/scan?code=RDV-1999-000001");
        assertThat(unknown.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/inspections"));
        assertThat(web.get("/app/inspections").body()).contains("data-scan-error", "Aucun rendez-vous de ce centre");
        WebSession.Page scanned = web.get("/app/inspections/scan?code=" + booked.getString("manageUrl"));
        assertThat(scanned.status()).isEqualTo(302);
        String arrivalPath = scanned.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
        String arrival = web.get(arrivalPath).body();
        assertThat(arrival).contains("data-appointment", reference, "value=\"GH-456-JK\"", "data-scan-input",
                "value=\"Paul Girard\"");
        String appointmentId = arrivalPath.substring(arrivalPath.indexOf('=') + 1);

        Map<String, Object> form = new HashMap<>(Map.of("appointmentId", appointmentId, "plate", "GH-000-JK",
                "category", "M1", "brand", "PEUGEOT", "model", "208", "vin", "VF3ABCDEFGH123456",
                "firstRegisteredOn", "2020-05-04", "ownerName", "Paul Girard", "ownerEmail", "paul.girard@example.test"));
        WebSession.Page refused = web.post("/app/inspections/arrival", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"plate-error\"", "is-invalid");
        form.put("plate", "gh 456 jk");
        WebSession.Page started = web.post("/app/inspections/arrival", form);
        assertThat(started.status()).isEqualTo(302);
        String inspectionPath = started.location().orElseThrow().replaceFirst("^https?://[^/]+", "");
        String checklist = web.get(inspectionPath).body();
        assertThat(count(checklist, "data-point=\"")).isEqualTo(33);
        assertThat(checklist).contains("data-kind=\"PERIODIC\"", "Ligne A", "GH-456-JK");

        web.post(inspectionPath + "/points/5.1", Map.of("grade", "MAJOR", "comment", ""));
        assertThat(web.get(inspectionPath).body()).contains("data-point-error");
        web.post(inspectionPath + "/points/5.1", Map.of("grade", "MAJOR", "comment", "Pneu arrière droit entaillé"));
        assertThat(web.get(inspectionPath).body()).contains("data-graded=\"MAJOR\"", "Pneu arrière droit entaillé");
        web.post(inspectionPath + "/complete", Map.of("odometerKm", "61 300"));
        assertThat(web.get(inspectionPath).body()).contains("data-complete-errors", "32 point(s)");
        web.post(inspectionPath + "/remaining-ok", Map.of());
        assertThat(web.get(inspectionPath).body()).contains("32 point(s) déclarés OK").doesNotContain("À contrôler");
        web.post(inspectionPath + "/complete", Map.of("odometerKm", ""));
        assertThat(web.get(inspectionPath).body()).contains("Relevez le kilométrage");
        web.post(inspectionPath + "/complete", Map.of("odometerKm", "61 300"));
        String result = web.get(inspectionPath).body();
        assertThat(result).contains("data-result=\"COUNTER_VISIT\"", "PV-", "data-counter-visit-before",
                "data-report-pdf", "data-book-counter-visit").doesNotContain("data-certificate-pdf", "data-complete\"");
        // booking the counter-visit opens the bookings' form with the owner and the vehicle filled in
        Matcher book = Pattern.compile("href=\"(/app/bookings/new\\?[^\"]+)\"[^>]*data-book-counter-visit|"
                + "data-book-counter-visit[^>]*href=\"(/app/bookings/new\\?[^\"]+)\"").matcher(result);
        assertThat(book.find()).as("the counter-visit's booking link").isTrue();
        String bookLink = (book.group(1) != null ? book.group(1) : book.group(2)).replace("&amp;", "&");
        assertThat(web.get(bookLink).body()).as("carried while the service and day are chosen")
                .contains("name=\"vehiclePlate\" value=\"GH-456-JK\"", "name=\"customerName\" value=\"Paul Girard\"");
        String bookingForm = web.get(bookLink + "&serviceId=" + service).body();
        assertThat(bookingForm).contains("value=\"GH-456-JK\"", "value=\"Paul Girard\"",
                "value=\"paul.girard@example.test\"");
        WebSession.Page pdf = web.get(inspectionPath + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(web.get(inspectionPath + "/certificate.pdf").status()).isEqualTo(409);

        String vehicles = web.get("/app/inspections/vehicles?q=gh456").body();
        assertThat(vehicles).contains("data-vehicle=\"GH-456-JK\"");
        Matcher link = Pattern.compile("href=\"(/app/inspections/vehicles/[0-9a-f-]{36})\"").matcher(vehicles);
        assertThat(link.find()).isTrue();
        String vehicle = web.get(link.group(1)).body();
        assertThat(vehicle).contains("Contre-visite à faire avant le", "data-history");
        Map<String, Object> change = new HashMap<>(Map.of("plate", "GH-456-JK", "vin", "VF3-IOQ", "category", "M1",
                "version", "1"));
        WebSession.Page bad = web.post(link.group(1), change);
        assertThat(bad.body()).contains("id=\"vin-error\"");
        assertThat(web.get("/app/inspections/day-after").status()).isIn(400, 404);

        Account viewer = Api.newUser(port, centre, "VIEWER");
        WebSession reader = signedIn(viewer);
        String seen = reader.get("/app/inspections?day=" + monday).body();
        assertThat(seen).contains("data-arrival=\"" + reference + "\"", "data-open-inspection")
                .doesNotContain("data-check-in", "data-qr-form");
        assertThat(reader.get(inspectionPath).body()).doesNotContain("data-grade-form");
        assertThat(reader.post("/app/inspections/arrival", form).status()).isEqualTo(403);
    }

    private WebSession signedIn(Account account) {
        WebSession web = new WebSession(port);
        web.signIn(account.email(), account.password());
        web.get("/app/account/password");
        return web;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private String resource(Account centre, String name, String kind) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int d = 1; d <= 6; d++) {
            hours.add(Map.of("weekday", d, "opensAt", "08:00", "closesAt", "18:00"));
        }
        return Api.as(port, centre).body(Map.of("name", name, "kind", kind, "capacity", 1, "hours", hours))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
    }
}
