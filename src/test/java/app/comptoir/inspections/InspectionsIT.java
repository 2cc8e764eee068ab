package app.comptoir.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The inspection centre's day through the API: a booked customer arrives, the reception opens the appointment from
 * the booking's QR code, files the vehicle, the inspector grades the checklist (a major defect), the outcome asks for
 * a counter-visit, which checks only the failed point and ends favourable; report numbers have no gaps; another
 * business sees nothing; a viewer reads but does not act.
 */
@IntegrationTest
class InspectionsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void aBookedCarIsCheckedInByItsQrCodeFailsOnAMajorDefectAndPassesItsCounterVisit() {
        Account centre = Api.newBusiness(port, "CT de la Gare");
        RequestSpecification api = Api.as(port, centre);
        api.body(Map.of("horizonDays", 60, "minNoticeMinutes", 0)).put("/api/v1/bookings/settings").then()
                .statusCode(200);
        String lane = resource(centre, "Ligne A", "LANE");
        String inspector = resource(centre, "Inès Fabre", "INSPECTOR");
        String service = Api.as(port, centre).body(Map.of("name", "Contrôle technique", "durationMinutes", 45,
                        "price", "78.00", "vehicleCategories", List.of("M1"), "resourceIds", List.of(lane)))
                .post("/api/v1/bookings/services").then().statusCode(201).extract().<String>path("id");
        LocalDate monday = LocalDate.now(PARIS).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Map<String, Object> booking = new HashMap<>(Map.of("serviceId", service,
                "start", monday.atTime(9, 0).atZone(PARIS).toInstant().toString(), "customerName", "Léa Martin",
                "phone", "06 12 34 56 78", "email", "lea.martin@example.test", "vehiclePlate", "ab 123 cd",
                "vehicleCategory", "M1"));
        JsonPath booked = Api.given(port).body(booking).post("/api/v1/booking/" + centre.tenantSlug() + "/appointments")
                .then().statusCode(201).extract().jsonPath();
        String appointment = booked.getString("appointment.id");
        Api.as(port, centre).body(Map.of("day", monday.toString(), "laneId", lane, "inspectorId", inspector))
                .put("/api/v1/inspections/lanes").then().statusCode(204);

        // the QR code of the confirmation page holds the customer's link; the reference typed works too
        Api.as(port, centre).queryParam("code", booked.getString("manageUrl")).get("/api/v1/inspections/arrivals")
                .then().statusCode(200).body("id", equalTo(appointment)).body("vehiclePlate", equalTo("AB-123-CD"));
        Api.as(port, centre).queryParam("code", booked.getString("appointment.reference").toLowerCase())
                .get("/api/v1/inspections/arrivals").then().statusCode(200).body("id", equalTo(appointment));
        Api.as(port, centre).queryParam("code", "https://ailleurs.example/book/x/manage/" + "A".repeat(43))
                .get("/api/v1/inspections/arrivals").then().spec(Api.problem(404, "not-found"));

        // the vehicle: every wrong field reported at once, then filed; a second one with the plate is refused
        JsonPath bad = Api.as(port, centre).body(Map.of("plate", "AB-000-CD", "vin", "VF1RJA0012345678I",
                        "category", "Q7")).post("/api/v1/inspections/vehicles").then().statusCode(400).extract().jsonPath();
        assertThat(bad.getList("errors.field")).containsExactlyInAnyOrder("plate", "vin", "category");
        Map<String, Object> vehicle = Map.of("plate", "ab123cd", "vin", "vf1rja00123456789", "brand", "RENAULT",
                "model", "CLIO", "category", "m1", "fuel", "go", "firstRegisteredOn", "2019-03-15",
                "ownerName", "Léa Martin", "ownerEmail", "lea.martin@example.test");
        String vehicleId = Api.as(port, centre).body(vehicle).post("/api/v1/inspections/vehicles").then()
                .statusCode(201).body("plate", equalTo("AB-123-CD")).body("vin", equalTo("VF1RJA00123456789"))
                .body("category", equalTo("M1")).extract().path("id");
        Api.as(port, centre).body(vehicle).post("/api/v1/inspections/vehicles").then()
                .spec(Api.problem(409, "vehicle-plate-taken")).body("vehicleId", equalTo(vehicleId));
        Api.as(port, centre).body(vehicle).queryParam("confirmed", true).post("/api/v1/inspections/vehicles").then()
                .statusCode(201).body("id", equalTo(vehicleId));

        // check-in on the appointment: the whole checklist of a car, on the appointment's lane, by its inspector
        JsonPath started = Api.as(port, centre).body(Map.of("vehicleId", vehicleId, "appointmentId", appointment))
                .post("/api/v1/inspections").then().statusCode(201).extract().jsonPath();
        String id = started.getString("inspection.id");
        assertThat(started.getString("inspection.kind")).isEqualTo("PERIODIC");
        assertThat(started.getString("inspection.laneName")).isEqualTo("Ligne A");
        assertThat(started.getList("inspection.points.code")).hasSize(33).contains("1.1", "8.1").doesNotContain("6.3");
        Api.as(port, centre).body(Map.of("vehicleId", vehicleId, "appointmentId", appointment))
                .post("/api/v1/inspections").then().spec(Api.problem(409, "inspection-exists"))
                .body("inspectionId", equalTo(id));

        // not complete before every point is checked
        JsonPath early = Api.as(port, centre).body(Map.of("odometerKm", 84_210)).post("/api/v1/inspections/" + id + "/complete")
                .then().statusCode(400).extract().jsonPath();
        assertThat(early.getList("errors.field")).hasSize(33).contains("points.1.1");

        List<String> codes = started.getList("inspection.points.code");
        for (String code : codes) {
            if (!code.equals("5.1")) {
                grade(centre, id, code, "OK", null).then().statusCode(200);
            }
        }
        grade(centre, id, "5.1", "MAJOR", null).then().statusCode(400).body("errors[0].field", equalTo("comment"));
        grade(centre, id, "5.1", "MAJOR", "Pneu avant gauche usé au-delà du témoin").then().statusCode(200);
        grade(centre, id, "9.9", "OK", null).then().spec(Api.problem(404, "not-found"));
        Api.as(port, centre).body(Map.of()).post("/api/v1/inspections/" + id + "/complete").then().statusCode(400)
                .body("errors.field", hasItems("odometerKm"));

        JsonPath done = Api.as(port, centre).body(Map.of("odometerKm", 84_210))
                .post("/api/v1/inspections/" + id + "/complete").then().statusCode(200).extract().jsonPath();
        LocalDate today = LocalDate.now(PARIS);
        assertThat(done.getString("inspection.outcome")).isEqualTo("COUNTER_VISIT");
        assertThat(done.getString("inspection.counterVisitBefore")).isEqualTo(today.plusMonths(2).toString());
        assertThat(done.getString("inspection.reportNumber")).isEqualTo("PV-" + today.getYear() + "-000001");
        assertThat(done.getString("inspection.verificationCode")).hasSize(16);
        Api.as(port, centre).get("/api/v1/bookings/appointments/" + appointment).then()
                .body("status", equalTo("COMPLETED"));
        grade(centre, id, "5.1", "OK", null).then().spec(Api.problem(409, "inspection-state"));

        // a cancelled inspection takes no number
        // the counter-visit: only the failed point, favourable, valid two years from the first visit
        JsonPath counter = Api.as(port, centre).body(Map.of("vehicleId", vehicleId, "laneId", lane))
                .post("/api/v1/inspections").then().statusCode(201).extract().jsonPath();
        String counterId = counter.getString("inspection.id");
        assertThat(counter.getString("inspection.kind")).isEqualTo("COUNTER_VISIT");
        assertThat(counter.getString("inspection.inspectorName")).isNull();
        assertThat(counter.getList("inspection.points.code")).containsExactly("5.1");
        Api.as(port, centre).post("/api/v1/inspections/" + counterId + "/cancel").then().statusCode(200)
                .body("inspection.status", equalTo("CANCELLED"));
        counterId = Api.as(port, centre).body(Map.of("vehicleId", vehicleId, "laneId", lane))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("inspection.id");
        grade(centre, counterId, "5.1", "OK", null).then().statusCode(200);
        Api.as(port, centre).post("/api/v1/inspections/" + counterId + "/complete").then().statusCode(200)
                .body("inspection.outcome", equalTo("FAVOURABLE"))
                .body("inspection.validUntil", equalTo(today.plusYears(2).toString()))
                .body("inspection.reportNumber", equalTo("PV-" + today.getYear() + "-000002"))
                .body("counterVisitOfNumber", equalTo("PV-" + today.getYear() + "-000001"));

        JsonPath detail = Api.as(port, centre).get("/api/v1/inspections/vehicles/" + vehicleId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(detail.getString("due.on")).isEqualTo(today.plusYears(2).toString());
        assertThat(detail.getList("inspections.status")).containsExactly("COMPLETED", "CANCELLED", "COMPLETED");

        // the list finds by plate and by number; another business sees none of it; a viewer reads only
        Api.as(port, centre).queryParam("q", "ab 123").get("/api/v1/inspections").then().statusCode(200)
                .body("total", equalTo(2));
        Account other = Api.newBusiness(port, "Autre centre");
        Api.as(port, other).get("/api/v1/inspections/vehicles/" + vehicleId).then().spec(Api.problem(404, "not-found"));
        Api.as(port, other).get("/api/v1/inspections/" + id).then().spec(Api.problem(404, "not-found"));
        Api.as(port, other).queryParam("code", booked.getString("manageUrl")).get("/api/v1/inspections/arrivals")
                .then().spec(Api.problem(404, "not-found"));
        Account viewer = Api.newUser(port, centre, "VIEWER");
        Api.as(port, viewer).get("/api/v1/inspections/" + id).then().statusCode(200);
        Api.as(port, viewer).body(Map.of("vehicleId", vehicleId)).post("/api/v1/inspections").then().statusCode(403);
    }

    @Test
    void aCriticalDefectIsUnfavourableAndADefectPhotoMustBeAPicture() {
        Account centre = Api.newBusiness(port, "CT du Port");
        String vehicleId = Api.as(port, centre).body(Map.of("plate", "1234 AB 56", "category", "L"))
                .post("/api/v1/inspections/vehicles").then().statusCode(201).body("plate", equalTo("1234 AB 56"))
                .extract().path("id");
        JsonPath started = Api.as(port, centre).body(Map.of("vehicleId", vehicleId)).post("/api/v1/inspections")
                .then().statusCode(201).extract().jsonPath();
        String id = started.getString("inspection.id");
        List<String> codes = new ArrayList<>(started.getList("inspection.points.code"));
        assertThat(codes).doesNotContain("1.3", "7.1", "3.1");

        Api.as(port, centre).contentType("multipart/form-data").multiPart("file", "note.txt", "pas une image".getBytes(), "image/png")
                .post("/api/v1/inspections/" + id + "/photos").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String photo = Api.as(port, centre).contentType("multipart/form-data").multiPart("file", "frein.png", png, "image/png")
                .post("/api/v1/inspections/" + id + "/photos").then().statusCode(201).extract().path("photoId");
        for (String code : codes) {
            if (code.equals("1.1")) {
                Api.as(port, centre).body(Map.of("grade", "CRITICAL", "comment", "Freinage avant inexistant",
                        "photoId", photo)).put("/api/v1/inspections/" + id + "/points/1.1").then().statusCode(200);
            } else {
                grade(centre, id, code, code.equals("4.3") ? "MINOR" : "OK", null).then().statusCode(200);
            }
        }
        JsonPath done = Api.as(port, centre).body(Map.of("odometerKm", 12_000))
                .post("/api/v1/inspections/" + id + "/complete").then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("inspection.outcome")).isEqualTo("UNFAVOURABLE");
        assertThat(done.getString("inspection.points.find { it.code == '1.1' }.photoId")).isEqualTo(photo);
        assertThat(Api.as(port, centre).get("/api/v1/inspections/" + id + "/photos/" + photo).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(png);
    }

    private io.restassured.response.Response grade(Account centre, String id, String code, String grade,
                                                   String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("grade", grade);
        body.put("comment", comment);
        return Api.as(port, centre).body(body).put("/api/v1/inspections/" + id + "/points/" + code);
    }

    private String resource(Account centre, String name, String kind) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            hours.add(Map.of("weekday", day, "opensAt", "08:00", "closesAt", "18:00"));
        }
        return Api.as(port, centre).body(Map.of("name", name, "kind", kind, "capacity", 1, "hours", hours))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
    }
}
