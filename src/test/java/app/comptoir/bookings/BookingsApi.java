package app.comptoir.bookings;

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

import app.comptoir.support.Account;
import app.comptoir.support.Api;

/**
 * A fresh business's administrator setting up bookings over the API (resources with their hours, services, closures,
 * settings), and the public booking API of that business.
 */
final class BookingsApi {

    final int port;
    final Account admin;

    private BookingsApi(int port, Account admin) {
        this.port = port;
        this.admin = admin;
    }

    /** A new business (Europe/Paris, EUR) that takes bookings up to two years ahead, from now on. */
    static BookingsApi newCentre(int port) {
        BookingsApi api = new BookingsApi(port, Api.newBusiness(port, "Contrôle technique"));
        api.settings(Map.of("horizonDays", 730, "minNoticeMinutes", 0, "cutoffHours", 24, "contactPhone",
                "04 72 10 20 30"));
        return api;
    }

    RequestSpecification call() {
        return Api.as(port, admin);
    }

    /** The public API, without a token. */
    RequestSpecification anonymous() {
        return Api.given(port);
    }

    String slug() {
        return admin.tenantSlug();
    }

    void settings(Map<String, Object> settings) {
        call().body(settings).put("/api/v1/bookings/settings").then().statusCode(200);
    }

    /** Moves the business to another time zone (keeping its other settings). */
    void timezone(String zone) {
        JsonPath tenant = call().get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", tenant.getString("name"));
        settings.put("slug", tenant.getString("slug"));
        settings.put("currency", tenant.getString("currency"));
        settings.put("locale", tenant.getString("locale"));
        settings.put("timezone", zone);
        settings.put("enabledModules", tenant.getList("enabledModules"));
        call().body(settings).put("/api/v1/tenant").then().statusCode(200);
    }

    /** A resource open on the weekdays (1 = Monday) for the intervals ("08:00", "12:00", ...); its id. */
    String resource(String name, int capacity, List<Integer> weekdays, String... times) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int day : weekdays) {
            for (int i = 0; i < times.length; i += 2) {
                hours.add(Map.of("weekday", day, "opensAt", times[i], "closesAt", times[i + 1]));
            }
        }
        return call().body(Map.of("name", name, "kind", "LANE", "capacity", capacity, "hours", hours))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
    }

    /** A service of the duration and price performed by the resources; its id. */
    String service(String name, int minutes, String price, List<String> categories, String... resourceIds) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "durationMinutes", minutes, "price", price,
                "vehicleCategories", categories, "resourceIds", List.of(resourceIds)));
        return call().body(body).post("/api/v1/bookings/services").then().statusCode(201).extract().path("id");
    }

    /** The public slots of the service on the day. */
    JsonPath slots(String serviceId, LocalDate day) {
        return anonymous().queryParam("day", day.toString())
                .get("/api/v1/booking/" + slug() + "/services/" + serviceId + "/slots").then().statusCode(200)
                .extract().jsonPath();
    }

    List<String> times(String serviceId, LocalDate day) {
        return slots(serviceId, day).getList("slots.time");
    }

    /** A booking body for the public API. */
    static Map<String, Object> booking(String serviceId, String start) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", serviceId);
        body.put("start", start);
        body.put("customerName", "Léa Martin");
        body.put("phone", "06 12 34 56 78");
        body.put("email", "lea.martin@example.test");
        return body;
    }

    /** The next date with that weekday, at least {@code daysAhead} days from today in Paris. */
    static LocalDate next(DayOfWeek weekday, int daysAhead) {
        return LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(daysAhead).with(TemporalAdjusters.nextOrSame(weekday));
    }
}
