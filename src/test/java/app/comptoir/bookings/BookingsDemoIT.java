package app.comptoir.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The demo inspection centre ({@code ct-du-centre}) as its staff and its motorists find it: its services, lanes and
 * inspectors, a calendar with appointments on its working day and free slots for the next one, six weeks behind paid
 * at the counter or online, a cash drawer with each day's takings, and two weeks ahead; the other demo businesses
 * sell goods and take no appointments.
 */
@IntegrationTest
class BookingsDemoIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CENTRE = "ct-du-centre";
    private static final String INSPECTION = "Contrôle technique véhicule particulier";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String manager() {
        return Api.token(port, "manager@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
    }

    /** Today if the centre opens today, else the next day it opens (not a Sunday, not a holiday). */
    private LocalDate workingDay(LocalDate from) {
        List<String> closed = Api.as(port, manager()).get("/api/v1/bookings/closures").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.resourceId == null }.startsOn");
        LocalDate day = from;
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY || closed.contains(day.toString())) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void theCentreOffersItsInspectionsOnTwoLanesAndTwoInspectorsWithItsHoursHolidaysAndRules() {
        String manager = manager();
        JsonPath services = Api.as(port, manager).get("/api/v1/bookings/services").then().statusCode(200).extract()
                .jsonPath();
        assertThat(services.getList("name", String.class)).contains(INSPECTION, "Contre-visite",
                "Contrôle technique utilitaire léger (N1)", "Contrôle pollution (utilitaires)");
        Map<String, Object> car = services.getMap("find { it.name == '" + INSPECTION + "' }");
        assertThat(car).containsEntry("durationMinutes", 45).containsEntry("vehicleCategories", List.of("M1"));
        assertThat(new BigDecimal(car.get("price").toString())).isEqualByComparingTo("78.00");
        assertThat(services.getInt("find { it.name == 'Contre-visite' }.durationMinutes")).isEqualTo(20);

        JsonPath resources = Api.as(port, manager).get("/api/v1/bookings/resources").then().statusCode(200).extract()
                .jsonPath();
        assertThat(resources.getList("findAll { it.kind == 'LANE' }.name")).containsExactly("Ligne 1", "Ligne 2");
        assertThat(resources.getList("findAll { it.kind == 'INSPECTOR' }.name")).hasSize(2);
        assertThat(resources.getList("capacity", Integer.class)).containsOnly(1);
        // Monday: 8:00–12:00 and 13:30–18:00 on a lane; Saturday morning; closed on Sunday
        assertThat(resources.getList("find { it.name == 'Ligne 1' }.hours.collect { it.weekday + ' ' + it.opensAt + '-' + it.closesAt }"))
                .contains("1 08:00-12:00", "1 13:30-18:00", "6 08:00-12:00").noneMatch(h -> h.toString().startsWith("7 "));
        // the lanes inspect cars; the inspectors do the re-inspections
        String carId = services.getString("find { it.name == '" + INSPECTION + "' }.id");
        assertThat(resources.getList("findAll { it.serviceIds.contains('" + carId + "') }.kind")).containsOnly("LANE")
                .hasSize(2);

        Api.as(port, manager).get("/api/v1/bookings/settings").then().statusCode(200)
                .body("holdMinutes", equalTo(15)).body("cutoffHours", equalTo(24))
                .body("contactPhone", equalTo("04 78 51 23 40"));
        // the French public holidays ahead close the whole centre
        List<Map<String, Object>> closures = Api.as(port, manager).get("/api/v1/bookings/closures").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(closures).anySatisfy(c -> {
            assertThat(c.get("resourceId")).isNull();
            assertThat(c.get("label")).isIn("Noël", "Jour de l'an", "Lundi de Pâques", "Fête du Travail",
                    "Victoire 1945", "Ascension", "Lundi de Pentecôte", "Fête nationale", "Assomption", "Toussaint",
                    "Armistice 1918");
        });
        assertThat(closures).anySatisfy(c -> assertThat(c.get("resourceId")).isNotNull());
    }

    @Test
    void theCalendarOfTheWorkingDayHasAppointmentsAndTheNextDayHasFreeSlotsForAnInspection() {
        LocalDate today = LocalDate.now(PARIS);
        LocalDate working = workingDay(today);
        List<Map<String, Object>> day = Api.as(port, manager()).queryParam("from", working.toString())
                .queryParam("to", working.toString()).get("/api/v1/bookings/appointments").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(day).hasSizeGreaterThan(5);
        assertThat(day).extracting(a -> a.get("resourceName")).contains("Ligne 1", "Ligne 2");
        assertThat(day).allSatisfy(a -> {
            assertThat((String) a.get("vehiclePlate")).matches("[A-Z]{2}-\\d{3}-[A-Z]{2}|\\d{1,4} [A-Z]{1,3} \\d{2}");
            assertThat((String) a.get("reference")).matches("RDV-\\d{4}-\\d{6}");
        });

        // What the motorist sees on the booking page: free times for an inspection on the next day the centre opens.
        JsonPath offered = Api.given(port).get("/api/v1/booking/" + CENTRE + "/services").then().statusCode(200)
                .extract().jsonPath();
        String car = offered.getString("find { it.name == '" + INSPECTION + "' }.id");
        LocalDate next = workingDay(today.plusDays(1));
        List<String> times = Api.given(port).queryParam("day", next.toString())
                .get("/api/v1/booking/" + CENTRE + "/services/" + car + "/slots").then().statusCode(200).extract()
                .jsonPath().getList("slots.time");
        assertThat(times).isNotEmpty();

        // The manager signs in and lands on the calendar (the centre sells no goods), its lanes as columns.
        WebSession web = new WebSession(port);
        web.signIn("manager@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
        WebSession.Page home = web.get("/app");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/bookings"));
        String calendar = web.get("/app/bookings?day=" + working).body();
        assertThat(calendar).contains("data-resource=\"Ligne 1\"", "data-resource=\"Ligne 2\"", "data-appointment=\"RDV-",
                "Rendez-vous", "Contrôles", "Paiements").doesNotContain(">Catalogue<", ">Ventes<");
    }

    @Test
    void pastAppointmentsArePaidOrAccountedForAndUpcomingOnesAreConfirmed() {
        String manager = manager();
        LocalDate today = LocalDate.now(PARIS);
        List<Map<String, Object>> past = Api.as(port, manager).queryParam("from", today.minusDays(42).toString())
                .queryParam("to", today.minusDays(1).toString()).queryParam("all", true)
                .get("/api/v1/bookings/appointments").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(past).hasSizeGreaterThan(300);
        assertThat(past).extracting(a -> a.get("status")).contains("COMPLETED", "NO_SHOW", "CANCELLED")
                .doesNotContain("CONFIRMED", "HELD");
        assertThat(past.stream().filter(a -> "COMPLETED".equals(a.get("status"))).count())
                .isGreaterThan(past.size() * 8L / 10);
        // every inspection done was paid in full: at the counter, by transfer, or online when booked
        assertThat(past).filteredOn(a -> "COMPLETED".equals(a.get("status"))).allSatisfy(a -> {
            assertThat(payment(a).get("state")).as("%s", a.get("reference")).isEqualTo("PAID");
            assertThat(new BigDecimal(payment(a).get("toCollect").toString())).isZero();
        });
        assertThat(past).extracting(a -> a.get("paymentChoice")).contains("ONLINE", "ON_SITE");
        assertThat(past).extracting(a -> a.get("source")).contains("PUBLIC", "STAFF", "WALK_IN");
        // a cancellation paid online was given back
        assertThat(past).filteredOn(a -> "CANCELLED".equals(a.get("status")) && "ONLINE".equals(a.get("paymentChoice")))
                .allSatisfy(a -> assertThat(payment(a).get("state")).isEqualTo("REFUNDED"));

        List<Map<String, Object>> ahead = Api.as(port, manager).queryParam("from", today.plusDays(1).toString())
                .queryParam("to", today.plusDays(14).toString()).get("/api/v1/bookings/appointments").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(ahead).hasSizeGreaterThan(40);
        assertThat(ahead).extracting(a -> a.get("status")).containsOnly("CONFIRMED");
        // most pay on the day; some paid online when booking
        assertThat(ahead).filteredOn(a -> "ONLINE".equals(a.get("paymentChoice")))
                .isNotEmpty().allSatisfy(a -> assertThat(payment(a).get("state")).isEqualTo("PAID"));
        assertThat(ahead).filteredOn(a -> "ON_SITE".equals(a.get("paymentChoice")))
                .hasSizeGreaterThan(ahead.size() / 2).allSatisfy(a -> {
                    assertThat(payment(a).get("state")).isEqualTo("UNPAID");
                    assertThat(new BigDecimal(payment(a).get("toCollect").toString()))
                            .isEqualByComparingTo(new BigDecimal(a.get("price").toString()));
                });

        // an appointment's timeline and its payments' page
        Map<String, Object> done = past.stream().filter(a -> "COMPLETED".equals(a.get("status"))
                && "ON_SITE".equals(a.get("paymentChoice")) && "STAFF".equals(a.get("source"))).findFirst().orElseThrow();
        Api.as(port, manager).get("/api/v1/bookings/appointments/" + done.get("id")).then().statusCode(200)
                .body("history.action", equalTo(List.of("BOOKED", "COMPLETED")));
        Api.as(port, manager).get("/api/v1/payments/bookings/" + done.get("id")).then().statusCode(200)
                .body("summary.state", equalTo("PAID")).body("payments.size()", equalTo(1))
                .body("payments[0].provider", equalTo("on-site"));
    }

    @Test
    void theCashDrawerOfARecentDayHasItsTakings() {
        String manager = manager();
        LocalDate day = LocalDate.now(PARIS).minusDays(1);
        JsonPath drawer = null;
        for (int i = 0; i < 7; i++, day = day.minusDays(1)) {
            drawer = Api.as(port, manager).queryParam("day", day.toString()).get("/api/v1/payments/cash-drawer").then()
                    .statusCode(200).extract().jsonPath();
            if (new BigDecimal(drawer.getString("cashNet")).signum() > 0) {
                break;
            }
        }
        assertThat(new BigDecimal(drawer.getString("cashNet"))).as("cash in the drawer of %s", day).isPositive();
        assertThat(new BigDecimal(drawer.getString("totalReceived"))).isGreaterThan(new BigDecimal("300"));
        assertThat(drawer.getList("methods.method")).contains("CASH", "CARD_TERMINAL");
        assertThat(drawer.getString("currency")).isEqualTo("EUR");

        WebSession web = new WebSession(port);
        web.signIn("manager@" + CENTRE + ".demo", Api.DEMO_PASSWORD);
        String page = web.get("/app/payments?day=" + day).body();
        // the day's payments are the appointments'
        assertThat(page).contains("data-cash-total", "data-drawer-method=\"CASH\"", "Espèces",
                "href=\"/app/payments/bookings/");
    }

    @Test
    void onlyTheInspectionCentreTakesAppointmentsAndEveryShopKeepsItsModules() {
        assertThat(jdbc.queryForObject("select array_to_string(enabled_modules, ',') from tenants where slug = ?",
                String.class, CENTRE)).contains("BOOKINGS", "PAYMENTS").doesNotContain("SALES", "CATALOG");
        for (String shop : List.of("jardin-des-lilas", "seconde-main", "express-livraison", "boutique-awa")) {
            assertThat(jdbc.queryForObject("select array_to_string(enabled_modules, ',') from tenants where slug = ?",
                    String.class, shop)).as(shop).contains("CATALOG", "SALES", "PAYMENTS").doesNotContain("BOOKINGS");
            Api.given(port).get("/api/v1/booking/" + shop).then().statusCode(404);
        }
        Api.given(port).get("/api/v1/booking/" + CENTRE).then().statusCode(200)
                .body("name", equalTo("CT du Centre")).body("zone", equalTo("Europe/Paris"));
        assertThat(new WebSession(port).get("/book/" + CENTRE).body()).contains(INSPECTION, "78,00");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payment(Map<String, Object> appointment) {
        return (Map<String, Object>) appointment.get("payment");
    }
}
