package app.comptoir.inspections;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The inspection centre's day in a browser: a motorist has booked; at reception the QR code of their confirmation is
 * read (a hand scanner types it into the field) and opens the check-in; the registration document photographed
 * fills the vehicle's fields, confirmed; the inspector records a major defect and the rest OK, completes with the
 * odometer: a counter-visit is required and the report is a PDF; the counter-visit checks that point only, ends
 * favourable, and the certificate is a PDF.
 */
@IntegrationTest
class InspectionsBrowserIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    @Test
    void bookCheckInByQrConfirmTheScannedDocumentFailOnAMajorDefectThenPassTheCounterVisit() throws Exception {
        Account centre = Api.newBusiness(port, "CT du Navigateur");
        Api.as(port, centre).body(Map.of("horizonDays", 60, "minNoticeMinutes", 0)).put("/api/v1/bookings/settings")
                .then().statusCode(200);
        String lane = resource(centre, "Ligne 1", "LANE");
        resource(centre, "Inès Fabre", "INSPECTOR");
        String service = Api.as(port, centre).body(Map.of("name", "Contrôle technique", "durationMinutes", 45,
                        "price", "78.00", "vehicleCategories", List.of("M1"), "resourceIds", List.of(lane)))
                .post("/api/v1/bookings/services").then().statusCode(201).extract().<String>path("id");
        LocalDate day = LocalDate.now(PARIS).plusDays(1);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        Map<String, Object> booking = new HashMap<>(Map.of("serviceId", service,
                "start", day.atTime(9, 0).atZone(PARIS).toInstant().toString(), "customerName", "Jean Dupont",
                "phone", "06 12 34 56 78", "email", "jean.dupont@example.test", "vehiclePlate", "AB-123-CD",
                "vehicleCategory", "M1"));
        String manageUrl = Api.given(port).body(booking)
                .post("/api/v1/booking/" + centre.tenantSlug() + "/appointments").then().statusCode(201)
                .extract().path("manageUrl");

        Page page = browsers.page();
        Browsers.signIn(page, centre.email(), centre.password());
        page.navigate("/app/inspections?day=" + day);
        assertThat(page.locator("[data-arrivals] [data-arrival]")).hasCount(1);
        browsers.screenshot("inspections-day");

        // reception: the QR code read into the field opens the appointment's check-in
        page.locator("#scan-code").fill(manageUrl);
        page.locator("#scan-code").press("Enter");
        page.waitForURL(Pattern.compile(".*/app/inspections/arrival\\?appointment=.*"));
        assertThat(page.locator("[data-appointment]")).containsText("Jean Dupont");
        assertThat(page.locator("#plate")).hasValue("AB-123-CD");

        // the registration document photographed: its fields proposed with their confidence, then confirmed
        Map<String, String> printed = new LinkedHashMap<>();
        printed.put("A", "AB-123-CD");
        printed.put("B", "15/03/2019");
        printed.put("C.1", "DUPONT JEAN");
        printed.put("D.1", "RENAULT");
        printed.put("D.3", "CLIO");
        printed.put("E", "VF1RJA00123456789");
        printed.put("J", "M1");
        printed.put("P.3", "GO");
        Path photo = Files.createTempFile("carte-grise", ".png");
        Files.write(photo, RegistrationDocuments.png(printed));
        page.locator("#scan-file").setInputFiles(photo);
        assertThat(page.locator("[data-scan-status]")).containsText("champs lus");
        assertThat(page.locator("#vin")).hasValue("VF1RJA00123456789");
        assertThat(page.locator("#brand")).hasValue("RENAULT");
        assertThat(page.locator("#firstRegisteredOn")).hasValue("2019-03-15");
        assertThat(page.locator("[data-confidence-for='vin']")).not().isEmpty();
        browsers.screenshot("inspections-check-in-scanned");
        page.locator("#ownerEmail").fill("jean.dupont@example.test");
        page.locator("[data-start-inspection]").click();
        page.waitForURL(Pattern.compile(".*/app/inspections/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-point]")).hasCount(33);

        // the checklist: a worn tyre (major), everything else OK, the odometer, completion
        Locator tyre = page.locator("[data-grade-form='5.1']");
        tyre.locator("label[for$='-MAJOR']").click();
        tyre.locator("input[name=comment]").fill("Pneu avant gauche usé au-delà du témoin");
        tyre.locator("button[type=submit]").click();
        assertThat(page.locator("[data-point='5.1']")).hasAttribute("data-graded", "MAJOR");
        page.locator("[data-remaining-ok]").click();
        assertThat(page.locator("[data-flash]")).containsText("32 point(s)");
        page.locator("#odometerKm").fill("84210");
        page.locator("[data-complete]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-result]")).hasAttribute("data-result", "COUNTER_VISIT");
        assertThat(page.locator("[data-counter-visit-before]")).isVisible();
        assertThat(page.locator("[data-certificate-pdf]")).hasCount(0);
        browsers.screenshot("inspections-counter-visit-required");
        APIResponse report = page.request().get(page.locator("[data-report-pdf]").getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(report.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(report.headers().get("content-type")).startsWith("application/pdf");
        org.assertj.core.api.Assertions.assertThat(new String(report.body(), 0, 5)).isEqualTo("%PDF-");

        // the counter-visit, without appointment: only the failed point, favourable, the certificate
        page.navigate("/app/inspections");
        page.locator("[data-walk-in]").click();
        page.locator("#plate").fill("ab-123-cd");
        page.locator("#category").selectOption("M1");
        page.locator("[data-start-inspection]").click();
        page.waitForURL(Pattern.compile(".*/app/inspections/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-kind]")).hasAttribute("data-kind", "COUNTER_VISIT");
        assertThat(page.locator("[data-point]")).hasCount(1);
        Locator again = page.locator("[data-grade-form='5.1']");
        again.locator("label[for$='-OK']").click();
        again.locator("button[type=submit]").click();
        assertThat(page.locator("[data-point='5.1']")).hasAttribute("data-graded", "OK");
        page.locator("[data-complete]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-result]")).hasAttribute("data-result", "FAVOURABLE");
        assertThat(page.locator("[data-valid-until]")).isVisible();
        browsers.screenshot("inspections-favourable");
        APIResponse certificate = page.request().get(page.locator("[data-certificate-pdf]").getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(certificate.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(new String(certificate.body(), 0, 5)).isEqualTo("%PDF-");
    }

    private String resource(Account centre, String name, String kind) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            hours.add(Map.of("weekday", d, "opensAt", "07:00", "closesAt", "20:00"));
        }
        return Api.as(port, centre).body(Map.of("name", name, "kind", kind, "capacity", 1, "hours", hours))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
    }
}
