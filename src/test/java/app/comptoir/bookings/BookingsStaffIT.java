package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The staff side of bookings: the calendar of a day and a week (per resource), moving an appointment to another
 * free slot and resource, cancelling, a no-show once started, a walk-in on a resource free now, the payment taken at
 * the counter, and who may do what (every role reads, BOOKINGS_WRITE acts, PAYMENTS_RECORD collects).
 */
@IntegrationTest
class BookingsStaffIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void theCalendarShowsTheDayAndTheWeekPerResourceAndStaffMoveAndCancel() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane1 = centre.resource("Ligne 1", 1, List.of(1, 2), "08:00", "12:00");
        String lane2 = centre.resource("Ligne 2", 1, List.of(1, 2), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of("M1"), lane1, lane2);
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 3);
        String id = staffBooking(centre, service, lane1, monday, 9).getString("id");
        staffBooking(centre, service, lane2, monday, 9);

        JsonPath day = centre.call().queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/v1/bookings/appointments").then().statusCode(200).extract().jsonPath();
        assertThat(day.getList("resourceName")).containsExactlyInAnyOrder("Ligne 1", "Ligne 2");
        assertThat(day.getString("find { it.id == '" + id + "' }.source")).isEqualTo("STAFF");
        assertThat(day.getString("find { it.id == '" + id + "' }.payment.state")).isEqualTo("UNPAID");

        WebSession web = signedIn(centre.admin);
        String dayPage = web.get("/app/bookings?day=" + monday).body();
        assertThat(dayPage).contains("data-day-view", "data-resource=\"Ligne 1\"", "data-resource=\"Ligne 2\"",
                "Léa Martin", "AB-123-CD", "78,00");
        String weekPage = web.get("/app/bookings?view=week&day=" + monday).body();
        assertThat(weekPage).contains("data-week-view", "data-week-day=\"" + monday + "\"", "09:00");

        // lane 1 at 9:00 to lane 2 at 10:00; lane 2 at 9:00 is taken
        centre.call().body(Map.of("start", at(monday, 9), "resourceId", lane2))
                .post("/api/v1/bookings/appointments/" + id + "/move").then().spec(Api.problem(409, "slot-unavailable"));
        centre.call().body(Map.of("start", at(monday, 10), "resourceId", lane2))
                .post("/api/v1/bookings/appointments/" + id + "/move").then().statusCode(200)
                .body("resourceName", equalTo("Ligne 2")).body("history[-1].action", equalTo("MOVED"));
        // a move through the page, back to lane 1 at 11:00
        WebSession.Page moved = web.post("/app/bookings/appointments/" + id + "/move",
                Map.of("start", at(monday, 11), "resourceId", lane1));
        assertThat(moved.status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/appointments/" + id).then()
                .body("resourceName", equalTo("Ligne 1")).body("startsAt", equalTo(at(monday, 11)));

        WebSession.Page cancelled = web.post("/app/bookings/appointments/" + id + "/cancel", Map.of("reason", "Client malade"));
        assertThat(cancelled.status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/appointments/" + id).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Client malade")).body("payment.due", equalTo(0.0f));
        centre.call().post("/api/v1/bookings/appointments/" + id + "/complete").then()
                .spec(Api.problem(409, "appointment-transition")).body("from", equalTo("CANCELLED"))
                .body("allowed", hasSize(0));
        centre.call().queryParam("from", monday.toString()).queryParam("to", monday.toString())
                .get("/api/v1/bookings/appointments").then().body("id", hasSize(1));
    }

    @Test
    void aWalkInIsBookedNowOnAFreeResourceThenMarkedNoShowOrCompletedAndPaidAtTheCounter() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(1), "08:00", "09:00");
        String service = centre.service("Contrôle technique", 30, "78.00", List.of("M1"), lane);
        Map<String, Object> walkIn = new HashMap<>(Map.of("serviceId", service, "customerName", "Marc Petit",
                "phone", "06 11 22 33 44", "vehiclePlate", "GH-456-JK"));

        JsonPath first = centre.call().body(walkIn).post("/api/v1/bookings/walk-ins").then().statusCode(201)
                .extract().jsonPath();
        assertThat(first.getString("status")).isEqualTo("CONFIRMED");
        assertThat(first.getString("source")).isEqualTo("WALK_IN");
        assertThat(first.getString("vehicleCategory")).isEqualTo("M1");
        // the only resource is busy now: the next walk-in is refused with the next free slots
        centre.call().body(walkIn).post("/api/v1/bookings/walk-ins").then().spec(Api.problem(409, "slot-unavailable"))
                .body("detail", equalTo("Aucune ressource n'est libre maintenant pour cette prestation. "
                        + "Prochains créneaux libres :"));

        String id = first.getString("id");
        centre.call().body(Map.of("method", "CASH", "amount", 50)).post("/api/v1/bookings/appointments/" + id
                + "/payments").then().statusCode(201);
        centre.call().get("/api/v1/bookings/appointments/" + id).then().body("payment.state", equalTo("PARTLY_PAID"))
                .body("payment.toCollect", equalTo(28.0f));
        WebSession web = signedIn(centre.admin);
        assertThat(web.get("/app/bookings/appointments/" + id).body()).contains("data-collect-form", "28,00");
        WebSession.Page collected = web.post("/app/bookings/appointments/" + id + "/payments",
                Map.of("method", "CARD_TERMINAL", "amount", "28,00", "requestId", java.util.UUID.randomUUID().toString()));
        assertThat(collected.status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/appointments/" + id).then().body("payment.state", equalTo("PAID"));

        centre.call().post("/api/v1/bookings/appointments/" + id + "/no-show").then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        // the resource is free again for another walk-in
        String second = centre.call().body(walkIn).post("/api/v1/bookings/walk-ins").then().statusCode(201)
                .extract().path("id");
        centre.call().post("/api/v1/bookings/appointments/" + second + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        // a future appointment cannot be a no-show yet
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 3);
        String future = staffBooking(centre, service, lane, monday, 8).getString("id");
        centre.call().post("/api/v1/bookings/appointments/" + future + "/no-show").then()
                .spec(Api.problem(409, "appointment-not-started"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(centre.call().get(
                "/api/v1/bookings/appointments/" + id).then().extract().jsonPath().getString("payment.state"))
                .isEqualTo("PAID"));
    }

    @Test
    void staffBookACustomerIntoAFreeSlotFromThePage() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(3), "08:00", "10:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of("M1"), lane);
        LocalDate wednesday = BookingsApi.next(DayOfWeek.WEDNESDAY, 3);
        WebSession web = signedIn(centre.admin);

        String page = web.get("/app/bookings/new?serviceId=" + service + "&day=" + wednesday).body();
        assertThat(page).contains("new-appointment-form", "data-slot=\"08:00\"", "data-slot=\"09:00\"");
        WebSession.Page refused = web.post("/app/bookings/new", Map.of("serviceId", service, "day", wednesday.toString(),
                "start", at(wednesday, 9), "customerName", "Paul Durand", "phone", "12", "vehiclePlate", "AB-123-CD"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Saisissez un numéro de téléphone");
        WebSession.Page booked = web.post("/app/bookings/new", Map.of("serviceId", service, "day", wednesday.toString(),
                "start", at(wednesday, 9), "customerName", "Paul Durand", "phone", "06 98 76 54 32",
                "vehiclePlate", "AB-123-CD"));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(booked.location().orElseThrow()).contains("/app/bookings/appointments/");
        assertThat(centre.times(service, wednesday)).containsExactly("08:00");
        assertThat(web.get("/app/bookings/new?serviceId=" + service + "&day=" + wednesday).body())
                .doesNotContain("data-slot=\"09:00\"");
    }

    @Test
    void everyRoleReadsTheCalendarButOnlyBookersActAndCollectorsCollect() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(2), "08:00", "12:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane);
        LocalDate tuesday = BookingsApi.next(DayOfWeek.TUESDAY, 3);
        String id = staffBooking(centre, service, lane, tuesday, 9).getString("id");
        Account viewer = Api.newUser(port, centre.admin, "VIEWER");
        Account manager = Api.newUser(port, centre.admin, "MANAGER");
        Account driver = Api.newUser(port, centre.admin, "DRIVER");

        Api.as(port, viewer).get("/api/v1/bookings/appointments/" + id).then().statusCode(200);
        Api.as(port, viewer).post("/api/v1/bookings/appointments/" + id + "/cancel").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, viewer).body(Map.of("method", "CASH", "amount", 78)).post("/api/v1/bookings/appointments/" + id
                + "/payments").then().statusCode(403);
        Api.as(port, viewer).body(Map.of("name", "X", "durationMinutes", 30)).post("/api/v1/bookings/services")
                .then().statusCode(403);
        Api.as(port, driver).get("/api/v1/bookings/appointments/" + id).then().statusCode(403);
        Api.as(port, manager).body(Map.of("start", at(tuesday, 10))).post("/api/v1/bookings/appointments/" + id
                + "/move").then().statusCode(200);

        WebSession viewerWeb = signedIn(viewer);
        String page = viewerWeb.get("/app/bookings?day=" + tuesday).body();
        assertThat(page).contains("data-day-view", "Léa Martin").doesNotContain("data-act=\"cancel\"")
                .doesNotContain("data-walk-in");
        assertThat(viewerWeb.post("/app/bookings/appointments/" + id + "/cancel", Map.of()).status()).isEqualTo(403);
        WebSession managerWeb = signedIn(manager);
        assertThat(managerWeb.get("/app/bookings?day=" + tuesday).body()).contains("data-act=\"cancel\"", "data-walk-in",
                "Rendez-vous");
    }

    @Test
    void theSetUpPagesSaveServicesResourcesWithTheirHoursClosuresAndSettings() {
        BookingsApi centre = BookingsApi.newCentre(port);
        WebSession web = signedIn(centre.admin);

        WebSession.Page resource = web.post("/app/bookings/resources/new", Map.of("name", "Inspecteur Martin",
                "kind", "INSPECTOR", "capacity", "1", "active", "true", "opens-1-0", "08:00", "closes-1-0", "12:00",
                "opens-1-1", "13:30", "closes-1-1", "17:30"));
        assertThat(resource.status()).isEqualTo(302);
        assertThat(resource.location().orElseThrow()).contains("/app/bookings/resources/");
        JsonPath resources = centre.call().get("/api/v1/bookings/resources").then().extract().jsonPath();
        assertThat(resources.getList("[0].hours.opensAt")).containsExactly("08:00", "13:30");
        String resourceId = resources.getString("[0].id");

        WebSession.Page badService = web.post("/app/bookings/services/new", Map.of("name", "", "durationMinutes", "2",
                "price", "abc", "vehicleCategories", "M1, ??"));
        assertThat(badService.status()).isEqualTo(200);
        assertThat(badService.body()).contains("Obligatoire.", "Entre 5 et 1 440 minutes.", "Codes de catégorie");
        WebSession.Page service = web.post("/app/bookings/services/new", Map.of("name", "Contrôle technique",
                "durationMinutes", "45", "price", "78,00", "bufferBeforeMinutes", "5", "bufferAfterMinutes", "10",
                "vehicleCategories", "m1, n1", "active", "true", "resourceIds", resourceId));
        assertThat(service.status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/services").then().body("[0].vehicleCategories", equalTo(List.of("M1", "N1")))
                .body("[0].price", equalTo(78.0f)).body("[0].bufferAfterMinutes", equalTo(10));
        assertThat(web.get("/app/bookings/services").body()).contains("Inspecteur Martin", "M1, N1");

        WebSession.Page overlapping = web.post("/app/bookings/resources/" + resourceId, Map.of("name",
                "Inspecteur Martin", "kind", "INSPECTOR", "capacity", "1", "active", "true", "opens-2-0", "08:00",
                "closes-2-0", "12:00", "opens-2-1", "11:00", "closes-2-1", "14:00"));
        assertThat(overlapping.status()).isEqualTo(200);
        assertThat(overlapping.body()).contains("data-hours-errors", "hours[1].opensAt");

        LocalDate christmas = LocalDate.of(LocalDate.now(PARIS).getYear(), 12, 25);
        assertThat(web.post("/app/bookings/closures", Map.of("label", "Noël", "startsOn", christmas.toString()))
                .status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/closures").then().body("label", equalTo(List.of("Noël")));
        assertThat(web.post("/app/bookings/settings", Map.of("slotStepMinutes", "20", "cutoffHours", "48",
                "horizonDays", "90", "minNoticeMinutes", "120", "holdMinutes", "15", "contactPhone", "04 72 00 00 00"))
                .status()).isEqualTo(302);
        centre.call().get("/api/v1/bookings/settings").then().body("slotStepMinutes", equalTo(20))
                .body("cutoffHours", equalTo(48)).body("contactPhone", equalTo("04 72 00 00 00"));
        WebSession.Page badSettings = web.post("/app/bookings/settings", Map.of("slotStepMinutes", "1", "holdMinutes", "x"));
        assertThat(badSettings.status()).isEqualTo(200);
        assertThat(badSettings.body()).contains("Entre 5 et 240 minutes.", "Entre 5 et 120 minutes.");
        for (String path : List.of("/app/bookings/services", "/app/bookings/resources", "/app/bookings/closures",
                "/app/bookings/settings", "/app/bookings/walk-in", "/app/bookings/resources/new",
                "/app/bookings/services/new", "/app/bookings/resources/" + resourceId, "/app/bookings/new")) {
            assertThat(web.get(path).status()).as(path).isEqualTo(200);
        }
    }

    private static JsonPath staffBooking(BookingsApi centre, String service, String resource, LocalDate day, int hour) {
        Map<String, Object> body = new HashMap<>(BookingsApi.booking(service, at(day, hour)));
        body.put("resourceId", resource);
        body.put("vehiclePlate", "AB-123-CD");
        return centre.call().body(body).post("/api/v1/bookings/appointments").then().statusCode(201).extract()
                .jsonPath();
    }

    private WebSession signedIn(Account account) {
        WebSession web = new WebSession(port);
        web.signIn(account.email(), account.password());
        // the token for forms changes at sign-in: read it from a page
        web.get("/app/account/password");
        return web;
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant().toString();
    }
}
