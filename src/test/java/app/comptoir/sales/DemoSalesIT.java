package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/** The demo businesses have customers, quotes and orders, and the stock agrees with the orders. */
@IntegrationTest
class DemoSalesIT {

    @LocalServerPort
    int port;

    @Test
    void theDeliveryBusinessHasOrdersInEveryStateAndThreeDrivers() {
        String admin = Api.token(port, "admin@express-livraison.demo", Api.DEMO_PASSWORD);
        List<Map<String, Object>> statuses = Api.as(port, admin).get("/api/v1/orders/statuses").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(statuses).allSatisfy(s -> assertThat(((Number) s.get("count")).longValue()).as("%s", s.get("status"))
                .isPositive());
        Api.as(port, admin).get("/api/v1/orders/drivers").then().statusCode(200).body("size()", equalTo(3));
        Api.as(port, admin).get("/api/v1/customers").then().body("total", greaterThan(5));

        // Each driver sees only their own deliveries.
        String driver2 = Api.token(port, "driver2@express-livraison.demo", Api.DEMO_PASSWORD);
        JsonPath mine = Api.as(port, driver2).get("/api/v1/orders?size=100").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getInt("total")).isPositive();
        assertThat(mine.getList("items.driverName")).containsOnly("Karim Benali");

        // The stock followed a delivered order: its SALE movements carry its number.
        JsonPath delivered = Api.as(port, admin).get("/api/v1/orders?status=DELIVERED&size=1").then().extract().jsonPath();
        String id = delivered.getString("items[0].id");
        JsonPath order = Api.as(port, admin).get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(order.getList("history.status")).containsExactly("DRAFT", "CONFIRMED", "PREPARING",
                "OUT_FOR_DELIVERY", "DELIVERED");
        String variant = order.getString("lines[0].variantId");
        List<String> references = Api.as(port, admin).queryParam("variantId", variant).queryParam("type", "SALE")
                .queryParam("size", 200).get("/api/v1/stocks/movements").then().extract().jsonPath().getList("items.reference");
        assertThat(references).contains(order.getString("number"));
    }

    @Test
    void theGardenShopHasCustomersWithAddressesQuotesAndAYearOfOrders() {
        String admin = Api.token(port, "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        Api.as(port, admin).get("/api/v1/customers").then().statusCode(200).body("total", greaterThan(10))
                .body("items[0].addresses.size()", greaterThan(0));
        Api.as(port, admin).get("/api/v1/quotes").then().statusCode(200).body("total", greaterThan(5));
        Api.as(port, admin).get("/api/v1/quotes?status=EXPIRED").then().body("total", greaterThan(0));
        Api.as(port, admin).get("/api/v1/orders").then().statusCode(200).body("total", greaterThan(20));
    }

    @Test
    void theGardenShopsYearOfHistoryHasItsSeasonsCancellationsAndReturns() {
        String manager = Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        JsonPath year = Api.as(port, manager).get("/api/v1/dashboard/summary?from=" + today.minusDays(364) + "&to=" + today)
                .then().statusCode(200).extract().jsonPath();

        assertThat(year.getLong("orders.DELIVERED")).isGreaterThan(40_000);
        assertThat(year.getLong("orders.CANCELLED")).isBetween(1_000L, 4_000L);
        // Returns are deducted: the year's gross is less than the gross of the orders sold.
        assertThat(year.getDouble("revenue.gross")).isLessThan(year.getDouble("averageBasket.gross")
                * year.getLong("averageBasket.orders"));

        List<Map<String, Object>> days = year.getList("salesPerDay");
        assertThat(days).hasSize(365);
        // A garden centre: May sells far more than January, Saturdays more than Sundays.
        assertThat(averageOrders(days, d -> d.getMonth() == Month.MAY))
                .isGreaterThan(2 * averageOrders(days, d -> d.getMonth() == Month.JANUARY));
        assertThat(averageOrders(days, d -> d.getDayOfWeek() == DayOfWeek.SATURDAY))
                .isGreaterThan(2 * averageOrders(days, d -> d.getDayOfWeek() == DayOfWeek.SUNDAY));
    }

    private static double averageOrders(List<Map<String, Object>> days, java.util.function.Predicate<LocalDate> which) {
        return days.stream().filter(d -> which.test(LocalDate.parse((String) d.get("day"))))
                .mapToLong(d -> ((Number) d.get("orders")).longValue()).average().orElseThrow();
    }
}
