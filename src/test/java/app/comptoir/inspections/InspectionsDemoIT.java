package app.comptoir.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The demo inspection centre's past as its staff find it: a vehicle for every plate booked, a completed inspection
 * for every appointment done, report numbers without gaps, outcomes that follow the grades, counter-visits of the
 * failed points only, and the day at the centre.
 */
@IntegrationTest
class InspectionsDemoIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CENTRE = "ct-du-centre";

    @LocalServerPort
    int port;

    private String admin() {
        return Api.token(port, "admin@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
    }

    /** The appointments of the six weeks before today, with every status. */
    private List<Map<String, Object>> pastAppointments(String token) {
        LocalDate today = LocalDate.now(PARIS);
        return Api.as(port, token).queryParam("from", today.minusDays(42).toString())
                .queryParam("to", today.minusDays(1).toString()).queryParam("all", true)
                .get("/api/v1/bookings/appointments").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Every inspection of the centre, newest first. */
    private List<Map<String, Object>> inspections(String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = Api.as(port, token).queryParam("page", page).queryParam("size", 200)
                    .get("/api/v1/inspections").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= body.getLong("total")) {
                return all;
            }
        }
    }

    private JsonPath detail(String token, Object id) {
        return Api.as(port, token).get("/api/v1/inspections/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyPlateBookedIsAVehicleFoundByItsPlateWithItsOwner() {
        String token = admin();
        Map<String, Object> appointment = pastAppointments(token).stream()
                .filter(a -> "COMPLETED".equals(a.get("status"))).findFirst().orElseThrow();
        String plate = (String) appointment.get("vehiclePlate");
        JsonPath found = Api.as(port, token).queryParam("q", plate).get("/api/v1/inspections/vehicles").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> vehicle = found.getMap("items.find { it.plate == '" + plate + "' }");
        assertThat(vehicle).as(plate).isNotNull();
        // the demo motorist's vehicles are filed under their name (their account shows them)
        assertThat(vehicle.get("ownerName")).isEqualTo("client@ct-du-centre.demo".equals(vehicle.get("ownerEmail"))
                ? "Julien Moreau" : appointment.get("customerName"));
        assertThat(vehicle.get("category")).isEqualTo(appointment.get("vehicleCategory"));
        assertThat((String) vehicle.get("vin")).hasSize(17);
        assertThat(vehicle.get("brand")).isNotNull();
        assertThat(vehicle.get("firstRegisteredOn")).isNotNull();

        long vehicles = Api.as(port, token).queryParam("size", 1).get("/api/v1/inspections/vehicles").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        assertThat(vehicles).isGreaterThan(200);
        // its page gives its history, the latest first, and when it is due next
        Api.as(port, token).get("/api/v1/inspections/vehicles/" + vehicle.get("id")).then().statusCode(200);
    }

    @Test
    void everyAppointmentDoneHasOneCompletedInspectionNumberedWithoutGaps() {
        String token = admin();
        List<Map<String, Object>> done = pastAppointments(token).stream()
                .filter(a -> "COMPLETED".equals(a.get("status"))).toList();
        assertThat(done).hasSizeGreaterThan(300);
        List<Map<String, Object>> inspections = inspections(token);
        Map<Object, Long> completedPerAppointment = inspections.stream()
                .filter(i -> "COMPLETED".equals(i.get("status")) && i.get("appointmentId") != null)
                .collect(Collectors.groupingBy(i -> i.get("appointmentId"), Collectors.counting()));
        assertThat(done).allSatisfy(a -> assertThat(completedPerAppointment.get(a.get("id")))
                .as("%s", a.get("reference")).isEqualTo(1L));

        // PV-2026-000042: per year, as many numbers as the highest one
        Map<String, List<Integer>> numbers = new TreeMap<>();
        inspections.stream().filter(i -> "COMPLETED".equals(i.get("status"))).forEach(i -> {
            String number = (String) i.get("reportNumber");
            assertThat(number).matches("PV-\\d{4}-\\d{6}");
            numbers.computeIfAbsent(number.substring(3, 7), y -> new ArrayList<>())
                    .add(Integer.parseInt(number.substring(8)));
        });
        numbers.forEach((year, list) -> {
            assertThat(Set.copyOf(list)).as(year).hasSameSizeAs(list);
            assertThat(list.stream().mapToInt(Integer::intValue).max().orElseThrow()).as(year).isEqualTo(list.size());
        });

        // the outcomes are the ones the grades decide; some inspections ask for a counter-visit, a few are unfavourable
        Map<Object, Long> outcomes = inspections.stream().filter(i -> "COMPLETED".equals(i.get("status")))
                .collect(Collectors.groupingBy(i -> i.get("outcome"), Collectors.counting()));
        assertThat(outcomes).containsKeys("FAVOURABLE", "COUNTER_VISIT", "UNFAVOURABLE");
        assertThat(outcomes.get("FAVOURABLE")).isGreaterThan(done.size() / 2L);
        int n = 0;
        for (Map<String, Object> i : inspections) {
            if (!"COMPLETED".equals(i.get("status")) || ("FAVOURABLE".equals(i.get("outcome")) && n++ % 8 != 0)) {
                continue;
            }
            JsonPath d = detail(token, i.get("id"));
            List<String> grades = d.getList("inspection.points.grade");
            String expected = grades.contains("CRITICAL") ? "UNFAVOURABLE"
                    : grades.contains("MAJOR") ? "COUNTER_VISIT" : "FAVOURABLE";
            assertThat(grades).doesNotContainNull();
            assertThat(d.getString("inspection.outcome")).as("%s", i.get("reportNumber")).isEqualTo(expected);
            assertThat(d.getString("inspection.laneName") != null || d.getString("inspection.inspectorName") != null)
                    .isTrue();
            if (!"FAVOURABLE".equals(expected)) {
                assertThat(d.getList("inspection.points.findAll { it.grade == 'MAJOR' || it.grade == 'CRITICAL' }"
                        + ".comment")).doesNotContainNull();
                assertThat(d.getString("inspection.counterVisitBefore")).isNotNull();
            } else {
                assertThat(d.getString("inspection.validUntil")).isNotNull();
            }
        }
    }

    @Test
    void aCounterVisitChecksOnlyTheFailedPointsAndIsValidTwoYearsFromTheFirstVisit() {
        String token = admin();
        List<Map<String, Object>> inspections = inspections(token);
        List<Map<String, Object>> counterVisits = inspections.stream()
                .filter(i -> "COUNTER_VISIT".equals(i.get("kind")) && "COMPLETED".equals(i.get("status"))).toList();
        assertThat(counterVisits).isNotEmpty();
        for (Map<String, Object> cv : counterVisits.subList(0, Math.min(5, counterVisits.size()))) {
            JsonPath visit = detail(token, cv.get("id"));
            JsonPath first = detail(token, visit.getString("inspection.counterVisitOf"));
            List<String> failed = first.getList("inspection.points.findAll { it.grade == 'MAJOR' || "
                    + "it.grade == 'CRITICAL' }.code");
            assertThat(failed).isNotEmpty();
            assertThat(visit.getList("inspection.points.code", String.class)).containsExactlyElementsOf(failed);
            assertThat(visit.getString("inspection.outcome")).isEqualTo("FAVOURABLE");
            assertThat(visit.getString("counterVisitOfNumber")).isEqualTo(first.getString("inspection.reportNumber"));
            LocalDate firstDay = LocalDate.ofInstant(Instant.parse(first.getString("inspection.startedAt")), PARIS);
            assertThat(visit.getString("inspection.validUntil")).isEqualTo(firstDay.plusYears(2).toString());
        }
        // others are still due: a vehicle whose last inspection asks for a counter-visit not done yet
        Map<Object, Map<String, Object>> lastOfVehicle = new HashMap<>();
        inspections.stream().filter(i -> "COMPLETED".equals(i.get("status")))
                .forEach(i -> lastOfVehicle.putIfAbsent(i.get("vehicleId"), i)); // newest first
        LocalDate today = LocalDate.now(PARIS);
        Map<String, Object> due = lastOfVehicle.values().stream()
                .filter(i -> !"FAVOURABLE".equals(i.get("outcome"))
                        && !LocalDate.parse((String) i.get("counterVisitBefore")).isBefore(today))
                .findFirst().orElseThrow();
        // the staff pages show them: the vehicle with its counter-visit due, found by its plate
        WebSession web = new WebSession(port);
        web.signIn("admin@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
        assertThat(web.get("/app/inspections/vehicles/" + due.get("vehicleId")).status()).isEqualTo(200);
        assertThat(web.get("/app/inspections/vehicles/" + due.get("vehicleId")).body()).contains((String) due.get("plate"));
        assertThat(web.get("/app/inspections/vehicles?q="
                + java.net.URLEncoder.encode((String) due.get("plate"), java.nio.charset.StandardCharsets.UTF_8)).body())
                .contains((String) due.get("plate"));
        assertThat(lastOfVehicle.values()).anySatisfy(i -> {
            assertThat(i.get("outcome")).isIn("COUNTER_VISIT", "UNFAVOURABLE");
            assertThat(LocalDate.parse((String) i.get("counterVisitBefore"))).isAfterOrEqualTo(today);
        });
    }

    @Test
    void theDayAtTheCentreShowsItsAppointmentsLanesAndInspections() {
        String token = admin();
        JsonPath day = Api.as(port, token).get("/api/v1/inspections/day").then().statusCode(200).extract().jsonPath();
        assertThat(day.getString("day")).isEqualTo(LocalDate.now(PARIS).toString());
        assertThat(day.getList("stations.findAll { it.lane }.name")).contains("Ligne 1", "Ligne 2");
        List<Map<String, Object>> started = day.getList("inspections");
        if (!day.getList("arrivals").isEmpty()) {
            // a working day: an inspector on each lane
            assertThat(day.getMap("inspectorOfLane")).hasSize(2);
        }
        assertThat(started).allSatisfy(i -> assertThat(i.get("status")).isIn("COMPLETED", "IN_PROGRESS"));
        WebSession web = new WebSession(port);
        web.signIn("admin@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
        assertThat(web.get("/app/inspections").status()).isEqualTo(200);
        started.stream().filter(i -> "IN_PROGRESS".equals(i.get("status"))).forEach(i -> {
            assertThat((Integer) i.get("checked")).isPositive().isLessThan((Integer) i.get("points"));
            assertThat(day.getMap("inspectionOfAppointment")).containsValue(i.get("id"));
        });
    }
}
