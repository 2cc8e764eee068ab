package app.comptoir.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The dashboard of a shop whose day is computed by hand. Watering cans at 10.00 (VAT 20 %) under
 * "Arrosage", compost at 5.00 (VAT 5.5 %) under "Sols". Today:
 * <ul>
 *   <li>A: 3 cans + 2 compost, delivered: net 40.00, VAT 6.00 + 0.55, gross 46.55; then 1 can comes back
 *       (net share 10.00, refund 12.00);</li>
 *   <li>B: 1 can + 5.00 delivery fee, out for delivery: net 15.00, VAT 3.00, gross 18.00;</li>
 *   <li>C: 4 compost, confirmed then cancelled; D: 1 compost, out for delivery then cancelled (never sales);</li>
 *   <li>E: 2 cans, still a draft.</li>
 * </ul>
 */
@IntegrationTest
class SalesDashboardIT {

    @LocalServerPort
    int port;

    private Account admin;
    private String can;
    private String compost;
    private JsonPath orderA;

    @BeforeEach
    void aDayOfOrders() {
        admin = Api.newBusiness(port, "Jardinerie Tableau");
        String watering = category("Arrosage");
        String soils = category("Sols");
        can = product("Arrosoir", watering, "10.00", 20, "ARR-10");
        compost = product("Terreau", soils, "5.00", 5.5, "TER-40");
        receive(can, 100);
        receive(compost, 100);

        orderA = order(List.of(line(can, 3), line(compost, 2)), null);
        advance(orderA, "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
        String canLine = orderA.getString("lines.find { it.variantId == '" + can + "' }.id");
        call().body(Map.of("lines", List.of(Map.of("lineId", canLine, "quantity", 1))))
                .post("/api/v1/orders/" + orderA.getString("id") + "/returns").then().statusCode(201);

        advance(order(List.of(line(can, 1)), "5.00"), "PREPARING", "OUT_FOR_DELIVERY");
        JsonPath c = order(List.of(line(compost, 4)), null);
        call().post("/api/v1/orders/" + c.getString("id") + "/cancel").then().statusCode(200);
        JsonPath d = order(List.of(line(compost, 1)), null);
        advance(d, "PREPARING", "OUT_FOR_DELIVERY");
        call().post("/api/v1/orders/" + d.getString("id") + "/cancel").then().statusCode(200);
        call().body(Map.of("customer", Map.of("name", "Mme Draft", "phone", "0600000000"),
                "lines", List.of(line(can, 2)))).post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void revenueCountsDeliveredAndOutForDeliveryOrdersLessTodaysReturns() {
        JsonPath revenue = get("/api/v1/dashboard/revenue");

        // (40.00 + 15.00) − 10.00 and (46.55 + 18.00) − 12.00
        assertThat(amount(revenue, "net")).isEqualByComparingTo("45.00");
        assertThat(amount(revenue, "gross")).isEqualByComparingTo("52.55");
        assertThat(amount(revenue, "previousGross")).isEqualByComparingTo("0");
        assertThat(revenue.getString("grossChangePercent")).isNull();
    }

    @Test
    void everyDayOfThePeriodIsPresentAndTodayHoldsTheSales() {
        String today = get("/api/v1/dashboard/summary").getString("period.to");
        List<Map<String, Object>> days = call().queryParam("from", java.time.LocalDate.parse(today).minusDays(6).toString())
                .queryParam("to", today).get("/api/v1/dashboard/sales-per-day").then().statusCode(200)
                .extract().jsonPath().getList("");

        assertThat(days).hasSize(7);
        assertThat(days.getLast()).containsEntry("day", today).containsEntry("orders", 2);
        assertThat(new BigDecimal(days.getLast().get("gross").toString())).isEqualByComparingTo("52.55");
        assertThat(days.subList(0, 6)).allSatisfy(d -> assertThat(d.get("orders")).isEqualTo(0));
    }

    @Test
    void ordersAreCountedByTheirStatus() {
        JsonPath orders = get("/api/v1/dashboard/orders");

        assertThat(orders.getInt("DELIVERED")).isEqualTo(1);
        assertThat(orders.getInt("OUT_FOR_DELIVERY")).isEqualTo(1);
        assertThat(orders.getInt("CANCELLED")).isEqualTo(2);
        assertThat(orders.getInt("DRAFT")).isEqualTo(1);
        assertThat(orders.getInt("CONFIRMED")).isZero();
    }

    @Test
    void productsAndCategoriesShowWhatWasSoldLessWhatCameBack() {
        JsonPath products = get("/api/v1/dashboard/sales-per-product");
        // cans: 3 + 1 − 1 = 3 for 30.00 + 10.00 − 10.00; compost: 2 for 10.00 (the fee is not a product)
        assertThat(products.getList("byQuantity.name")).containsExactly("Arrosoir", "Terreau");
        assertThat(products.getList("byQuantity.quantity")).containsExactly(3, 2);
        assertThat(amount(products, "byRevenue[0].net")).isEqualByComparingTo("30.00");
        assertThat(amount(products, "byRevenue[1].net")).isEqualByComparingTo("10.00");

        JsonPath categories = get("/api/v1/dashboard/sales-per-category");
        assertThat(categories.getList("name")).containsExactly("Arrosage", "Sols");
        assertThat(categories.getList("quantity")).containsExactly(3, 2);
    }

    @Test
    void theAverageBasketIsTheSoldOrdersGrossOverTheirNumber() {
        JsonPath basket = get("/api/v1/dashboard/average-basket");

        assertThat(basket.getInt("orders")).isEqualTo(2);
        assertThat(amount(basket, "net")).isEqualByComparingTo("27.50");
        assertThat(amount(basket, "gross")).isEqualByComparingTo("32.28");
    }

    @Test
    void aReturnRecordedNowChangesTheFiguresReadRightAfter() {
        assertThat(amount(get("/api/v1/dashboard/summary"), "revenue.gross")).isEqualByComparingTo("52.55");

        String compostLine = orderA.getString("lines.find { it.variantId == '" + compost + "' }.id");
        call().body(Map.of("lines", List.of(Map.of("lineId", compostLine, "quantity", 1))))
                .post("/api/v1/orders/" + orderA.getString("id") + "/returns").then().statusCode(201);

        // One compost back: net share 5.00, refund 5.28 (5.00 + 5.5 %).
        JsonPath summary = get("/api/v1/dashboard/summary");
        assertThat(amount(summary, "revenue.net")).isEqualByComparingTo("40.00");
        assertThat(amount(summary, "revenue.gross")).isEqualByComparingTo("47.27");
        assertThat(summary.getList("topProducts.byQuantity.quantity")).containsExactly(3, 1);
        assertThat(summary.getInt("stockState.healthy") + summary.getInt("stockState.low")).isEqualTo(2);
    }

    @Test
    void anOrderLeavingThenCancelledMovesTheSummaryReadRightAfterEachStep() {
        // The summary is cached per node: each committed order change must make the next read compute it again.
        assertThat(amount(get("/api/v1/dashboard/summary"), "revenue.net")).isEqualByComparingTo("45.00");
        assertThat(amount(get("/api/v1/dashboard/summary"), "revenue.net")).isEqualByComparingTo("45.00");

        JsonPath f = order(List.of(line(can, 1)), null);
        assertThat(get("/api/v1/dashboard/summary").getLong("orders.CONFIRMED")).isEqualTo(1);
        advance(f, "PREPARING", "OUT_FOR_DELIVERY");
        JsonPath sold = get("/api/v1/dashboard/summary");
        assertThat(amount(sold, "revenue.net")).isEqualByComparingTo("55.00");
        assertThat(amount(sold, "revenue.gross")).isEqualByComparingTo("64.55");
        assertThat(sold.getLong("orders.OUT_FOR_DELIVERY")).isEqualTo(2);

        call().post("/api/v1/orders/" + f.getString("id") + "/cancel").then().statusCode(200);
        JsonPath cancelled = get("/api/v1/dashboard/summary");
        assertThat(amount(cancelled, "revenue.net")).isEqualByComparingTo("45.00");
        assertThat(amount(cancelled, "revenue.gross")).isEqualByComparingTo("52.55");
        assertThat(cancelled.getLong("orders.CANCELLED")).isEqualTo(3);
    }

    @Test
    void orderDetailsListTheOrdersOfThePeriodWithTheirLinesNewestFirst() {
        JsonPath page = call().get("/api/v1/dashboard/orders-details?size=2").then().statusCode(200).extract().jsonPath();

        assertThat(page.getInt("total")).isEqualTo(5);
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getString("items[0].status")).isEqualTo("DRAFT");
        assertThat(page.getList("items[0].lines.sku")).containsExactly("ARR-10");
        assertThat(page.getInt("items[0].lines[0].quantity")).isEqualTo(2);
        JsonPath last = call().get("/api/v1/dashboard/orders-details?size=2&page=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(last.getString("items[0].number")).isEqualTo(orderA.getString("number"));
        assertThat(last.getList("items[0].lines.sku")).containsExactlyInAnyOrder("ARR-10", "TER-40");
        call().get("/api/v1/dashboard/orders-details?size=500").then().spec(Api.problem(400, "validation"));
    }

    @Test
    void driversAreCountedWithTheirSameDayRate() {
        Account driver = Api.newUser(port, admin, "DRIVER");
        JsonPath order = order(List.of(line(can, 1)), null);
        call().body(Map.of("driverId", driver.userId().toString()))
                .post("/api/v1/orders/" + order.getString("id") + "/assign-driver").then().statusCode(200);
        advance(order, "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");

        JsonPath drivers = get("/api/v1/dashboard/drivers");

        // Order A was delivered without a driver, the new one by the driver: each on the day it left.
        assertThat(drivers.getList("delivered")).containsExactly(1, 1);
        JsonPath mine = new JsonPath(call().get("/api/v1/dashboard/drivers").asString()).setRootPath(
                "find { it.driverId == '" + driver.userId() + "' }");
        assertThat(mine.getLong("sameDay")).isEqualTo(1);
        assertThat(new BigDecimal(mine.getString("onTimePercent"))).isEqualByComparingTo("100.0");
        assertThat(mine.getList("days")).hasSize(1);

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), Api.PASSWORD);
        assertThat(web.get("/app/reporting").body()).contains("data-table=\"drivers\"", "Sans livreur", "100,0 %");
        assertThat(web.get("/app/reporting/drivers.csv").body().lines().skip(1).toList())
                .hasSize(2).contains(";1;1;100,0").anySatisfy(l -> assertThat(l).startsWith("User ").endsWith(";1;1;100,0"));
    }

    @Test
    void aPeriodThatMakesNoSenseIsAClearProblem() {
        call().get("/api/v1/dashboard/summary?from=2026-03-10&to=2026-03-01").then().spec(Api.problem(400, "validation"));
        call().get("/api/v1/dashboard/summary?from=2020-01-01&to=2026-01-01").then().spec(Api.problem(400, "validation"));
        call().get("/api/v1/dashboard/revenue?from=yesterday").then().statusCode(400);
        call().get("/api/v1/dashboard/sales-per-product?top=0").then().spec(Api.problem(400, "validation"));
        Api.as(port, Api.newUser(port, admin, "DRIVER")).get("/api/v1/dashboard/summary").then().statusCode(403);
    }

    @Test
    void theDashboardPageShowsTheFiguresChartsAndExportsOfItsPeriod() {
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), Api.PASSWORD);

        WebSession.Page page = web.get("/app/reporting?period=7");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("data-kpi=\"gross\"[^>]*>52,55.€<")
                .containsPattern("data-kpi=\"orders\"[^>]*>2<")
                .contains("data-chart-id=\"sales\"", "data-chart-id=\"orders\"", "data-chart-id=\"categories\"",
                        "data-chart-id=\"stock\"", "Aucune vente sur la période précédente",
                        "/app/reporting/top-quantity.csv?period=7");
        WebSession.Page csv = web.get("/app/reporting/top-quantity.csv?period=7");
        // The page's file is for people: in French, Excel's byte order mark, semicolons and decimal commas.
        assertThat(csv.body().lines().toList()).containsExactly("\ufeffProduit;Quantité;CA HT", "Arrosoir;3;30,00",
                "Terreau;2;10,00");

        // A custom period the wrong way round is refused next to the dates, and the page still answers.
        WebSession.Page wrong = web.get("/app/reporting?period=custom&from=2026-03-10&to=2026-03-01");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-period-error", "La date de fin doit suivre la date de début");
        assertThat(web.get("/app/reporting?period=custom&from=hier&to=2026-03-01").body())
                .contains("Saisissez deux dates valides");
    }

    private JsonPath get(String path) {
        return call().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal amount(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private String category(String name) {
        return call().body(Map.of("name", name)).post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    private String product(String name, String categoryId, String price, double vat, String sku) {
        return call().body(Map.of("name", name, "categoryId", categoryId, "vatRate", vat, "status", "ACTIVE",
                "variants", List.of(Map.of("sku", sku, "price", new BigDecimal(price)))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
    }

    private void receive(String variantId, int quantity) {
        call().body(Map.of("variantId", variantId, "type", "RECEIPT", "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    private static Map<String, Object> line(String variantId, int quantity) {
        return Map.of("variantId", variantId, "quantity", quantity);
    }

    /** A confirmed order for a walk-in customer. */
    private JsonPath order(List<Map<String, Object>> lines, String deliveryFee) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", "M. Martin", "phone", "0612345678"));
        body.put("lines", lines);
        if (deliveryFee != null) {
            body.put("deliveryFee", new BigDecimal(deliveryFee));
        }
        String id = call().body(body).post("/api/v1/orders").then().statusCode(201).extract().path("id");
        return call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200).extract().jsonPath();
    }

    private void advance(JsonPath order, String... statuses) {
        for (String status : statuses) {
            call().body(Map.of("status", status)).patch("/api/v1/orders/" + order.getString("id") + "/status")
                    .then().statusCode(200);
        }
    }

    private RequestSpecification call() {
        return Api.as(port, admin);
    }
}
