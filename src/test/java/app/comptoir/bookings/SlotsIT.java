package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Free slots through the public API: local times of the business's zone (Paris, Dakar), breaks, the days the
 * clocks change in Paris (no slot at a time that does not exist, the repeated hour once), closures of the business
 * and of one resource, and a resource of capacity 2.
 */
@IntegrationTest
class SlotsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void slotsAreTheOpeningHoursLocalTimesWithoutTheBreakAsInstantsOfTheBusinessZone() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(1), "08:00", "09:30", "13:30", "14:30");
        String service = centre.service("Contrôle technique", 45, "78.00", List.of("M1"), lane);
        LocalDate monday = BookingsApi.next(DayOfWeek.MONDAY, 2);

        JsonPath day = centre.slots(service, monday);

        // 45 minutes every 15 from 8:00 and from 13:30 (the slot step), ending by 9:30 and 14:30
        assertThat(day.getList("slots.time")).containsExactly("08:00", "08:15", "08:30", "08:45", "13:30", "13:45");
        assertThat(day.getString("zone")).isEqualTo("Europe/Paris");
        assertThat(Instant.parse(day.getString("slots[0].start")))
                .isEqualTo(monday.atTime(8, 0).atZone(PARIS).toInstant());
        assertThat(Instant.parse(day.getString("slots[0].end")))
                .isEqualTo(monday.atTime(8, 45).atZone(PARIS).toInstant());
        assertThat(centre.times(service, monday.plusDays(1))).isEmpty();

        centre.timezone("Africa/Dakar");
        JsonPath dakar = centre.slots(service, monday);
        assertThat(dakar.getString("zone")).isEqualTo("Africa/Dakar");
        assertThat(dakar.getString("slots[0].time")).isEqualTo("08:00");
        assertThat(Instant.parse(dakar.getString("slots[0].start"))).isEqualTo(monday.atTime(8, 0).toInstant(
                java.time.ZoneOffset.UTC));
    }

    @Test
    void theSundayTheClocksGoForwardHasNoSlotAtTheSkippedHourAndItsMorningIsOneHourLaterInUtc() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne de nuit", 1, List.of(7), "01:00", "04:00", "08:00", "09:00");
        String service = centre.service("Contrôle express", 30, "40.00", List.of(), lane);
        centre.settings(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "slotStepMinutes", 30));
        LocalDate spring = lastSunday(Month.MARCH);

        JsonPath day = centre.slots(service, spring);

        assertThat(day.getList("slots.time")).containsExactly("01:00", "01:30", "03:00", "03:30", "08:00", "08:30");
        assertThat(day.getString("slots[2].start")).isEqualTo(spring.atTime(1, 0).atOffset(java.time.ZoneOffset.UTC)
                .toInstant().toString());
        assertThat(day.getString("slots[4].start")).isEqualTo(spring.atTime(6, 0).atOffset(java.time.ZoneOffset.UTC)
                .toInstant().toString());
        // the Sunday before, 8:00 is still 7:00 UTC
        assertThat(centre.slots(service, spring.minusWeeks(1)).getString("slots.find { it.time == '08:00' }.start"))
                .isEqualTo(spring.minusWeeks(1).atTime(7, 0).atOffset(java.time.ZoneOffset.UTC).toInstant().toString());
    }

    @Test
    void theSundayTheClocksGoBackShowsTheRepeatedHourOnce() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne de nuit", 1, List.of(7), "01:00", "04:00");
        String service = centre.service("Contrôle express", 30, "40.00", List.of(), lane);
        centre.settings(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "slotStepMinutes", 30));
        LocalDate autumn = lastSunday(Month.OCTOBER);

        JsonPath day = centre.slots(service, autumn);

        assertThat(day.getList("slots.time")).containsExactly("01:00", "01:30", "02:00", "02:30", "03:00", "03:30");
        List<String> starts = day.getList("slots.start");
        assertThat(starts).doesNotHaveDuplicates();
        // 2:00 at its first occurrence (UTC+2), 3:00 in winter time (UTC+1)
        assertThat(starts.get(2)).isEqualTo(autumn.atTime(0, 0).atOffset(java.time.ZoneOffset.UTC)
                .toInstant().toString());
        assertThat(starts.get(4)).isEqualTo(autumn.atTime(2, 0).atOffset(java.time.ZoneOffset.UTC).toInstant()
                .toString());
    }

    @Test
    void aHolidayClosesTheBusinessAndATrainingClosesOneResource() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane1 = centre.resource("Ligne 1", 1, List.of(2), "09:00", "10:00");
        String lane2 = centre.resource("Ligne 2", 1, List.of(2), "09:00", "10:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), lane1, lane2);
        LocalDate tuesday = BookingsApi.next(DayOfWeek.TUESDAY, 2);
        assertThat(centre.slots(service, tuesday).getList("slots[0].resourceIds")).containsExactlyInAnyOrder(lane1, lane2);

        String training = centre.call().body(Map.of("resourceId", lane1, "startsOn", tuesday.toString(), "label",
                "Formation")).post("/api/v1/bookings/closures").then().statusCode(201).extract().path("id");
        assertThat(centre.slots(service, tuesday).getList("slots[0].resourceIds")).containsExactly(lane2);

        centre.call().body(Map.of("startsOn", tuesday.minusDays(1).toString(), "endsOn", tuesday.toString(),
                "label", "Pont")).post("/api/v1/bookings/closures").then().statusCode(201);
        assertThat(centre.times(service, tuesday)).isEmpty();
        assertThat(centre.times(service, tuesday.plusWeeks(1))).containsExactly("09:00");
        centre.call().get("/api/v1/bookings/closures").then().statusCode(200).body("label", hasSize(2));
        centre.call().delete("/api/v1/bookings/closures/" + training).then().statusCode(204);
    }

    @Test
    void aResourceOfCapacityTwoTakesTwoAppointmentsAtOnceAndRefusesTheThirdWithOtherSlots() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String hall = centre.resource("Halle", 2, List.of(3), "09:00", "11:00");
        String service = centre.service("Contrôle technique", 60, "78.00", List.of(), hall);
        LocalDate wednesday = BookingsApi.next(DayOfWeek.WEDNESDAY, 2);
        String nine = wednesday.atTime(9, 0).atZone(PARIS).toInstant().toString();

        centre.anonymous().body(BookingsApi.booking(service, nine)).post("/api/v1/booking/" + centre.slug()
                + "/appointments").then().statusCode(201).body("appointment.status", equalTo("CONFIRMED"));
        assertThat(centre.times(service, wednesday)).contains("09:00");
        centre.anonymous().body(BookingsApi.booking(service, nine)).post("/api/v1/booking/" + centre.slug()
                + "/appointments").then().statusCode(201);
        // both places taken from 9:00 to 10:00: the 9:00, 9:15, 9:30 and 9:45 starts are gone, 10:00 is free
        assertThat(centre.times(service, wednesday)).containsExactly("10:00");

        centre.anonymous().header("Accept-Language", "en").body(BookingsApi.booking(service, nine))
                .post("/api/v1/booking/" + centre.slug() + "/appointments").then()
                .spec(Api.problem(409, "slot-unavailable"))
                .body("detail", equalTo("This slot is no longer available: someone has just booked it. "
                        + "Here are the next free slots."))
                .body("nextSlots[0].time", equalTo("10:00"));
    }

    private static LocalDate lastSunday(Month month) {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate candidate = LocalDate.of(today.getYear(), month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        return candidate.isAfter(today.plusDays(7)) ? candidate
                : LocalDate.of(today.getYear() + 1, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    }
}
