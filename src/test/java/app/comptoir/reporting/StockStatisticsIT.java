package app.comptoir.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
 * Stock statistics of a small shop whose figures are computed by hand: a hose in two lengths
 * (watering, under "Arrosage › Tuyaux"), a trowel (tools) and uncategorised string.
 */
@IntegrationTest
class StockStatisticsIT {

    @LocalServerPort
    int port;

    private Account admin;
    private String hose15;
    private String hose25;
    private String trowel;
    private String string;

    @BeforeEach
    void aSmallShopWithStock() {
        admin = Api.newBusiness(port, "Jardinerie Stats");
        String watering = call().body(Map.of("name", "Arrosage")).post("/api/v1/categories")
                .then().statusCode(201).extract().path("id");
        String hoses = call().body(Map.of("name", "Tuyaux", "parentId", watering)).post("/api/v1/categories")
                .then().statusCode(201).extract().path("id");
        String tools = call().body(Map.of("name", "Outils")).post("/api/v1/categories")
                .then().statusCode(201).extract().path("id");
        JsonPath hose = product("Tuyau d'arrosage", hoses, List.of(variant("HOSE-15", "29.90", "10.00"),
                variant("HOSE-25", "39.90", "4.50")));
        hose15 = hose.getString("variants.find { it.sku == 'HOSE-15' }.id");
        hose25 = hose.getString("variants.find { it.sku == 'HOSE-25' }.id");
        trowel = product("Transplantoir", tools, List.of(variant("TROWEL", "7.50", "3.00"))).getString("variants[0].id");
        string = product("Ficelle", null, List.of(variant("STRING", "2.00", null))).getString("variants[0].id");

        move(hose15, "RECEIPT", 10);
        move(hose25, "RECEIPT", 4);
        move(trowel, "RECEIPT", 5);
        move(string, "RECEIPT", 2);
        move(hose15, "ISSUE", 3);
        move(string, "ISSUE", 2);
        thresholds(hose25, Map.of("alertLevel", 5));
        thresholds(trowel, Map.of("overstockLevel", 3));
    }

    @Test
    void countsEachStatusAndValuesTheStockAtCost() {
        JsonPath report = report("?days=7&slowDays=30");

        // hose 15 m: 7 left, fine; hose 25 m: 4 ≤ alert 5, low; trowel: 5 > 3, overstock; string: sold out.
        assertThat(report.getInt("state.healthy")).isEqualTo(1);
        assertThat(report.getInt("state.low")).isEqualTo(1);
        assertThat(report.getInt("state.overstock")).isEqualTo(1);
        assertThat(report.getInt("state.out")).isEqualTo(1);
        assertThat(report.getLong("state.units")).isEqualTo(16);
        // 7 × 10.00 + 4 × 4.50 + 5 × 3.00
        assertThat(new BigDecimal(report.getString("state.value"))).isEqualByComparingTo("103.00");
        assertThat(report.getString("currency")).isEqualTo("EUR");
    }

    @Test
    void groupsTheStockUnderItsTopLevelCategoryMostValuableFirst() {
        JsonPath report = report("");

        assertThat(report.getList("categories.name", String.class)).containsExactly("Arrosage", "Outils", null);
        assertThat(report.getLong("categories[0].units")).isEqualTo(11);
        assertThat(new BigDecimal(report.getString("categories[0].value"))).isEqualByComparingTo("88.00");
        assertThat(report.getInt("categories[0].variants")).isEqualTo(2);
        assertThat(new BigDecimal(report.getString("categories[1].value"))).isEqualByComparingTo("15.00");
        assertThat(report.getLong("categories[2].units")).isZero();

        assertThat(report.getList("topProducts.name", String.class)).containsExactly("Tuyau d'arrosage", "Transplantoir");
    }

    @Test
    void listsEveryDayOfThePeriodWithTodaysUnitsInAndOut() {
        JsonPath report = report("?days=7");

        List<Map<String, Object>> flows = report.getList("flows");
        assertThat(flows).hasSize(7);
        assertThat(flows.getLast().get("day")).isEqualTo(report.getString("asOf"));
        assertThat(flows.getLast().get("in")).isEqualTo(21);
        assertThat(flows.getLast().get("out")).isEqualTo(5);
        assertThat(flows.subList(0, 6)).allSatisfy(day -> {
            assertThat(day.get("in")).isEqualTo(0);
            assertThat(day.get("out")).isEqualTo(0);
        });
    }

    @Test
    void slowMoversAreVariantsWithStockAndNoOutgoingMovementMostValuableFirst() {
        JsonPath report = report("?slowDays=30");

        assertThat(report.getList("slowMovers.sku", String.class)).containsExactly("HOSE-25", "TROWEL");
        assertThat(report.getInt("slowMoverCount")).isEqualTo(2);
        assertThat(report.getString("slowMovers[0].lastOutgoing")).isNull();
    }

    @Test
    void theStockStateOfTheDashboardMatchesTheStatistics() {
        call().get("/api/v1/dashboard/stock-state").then().statusCode(200)
                .body("out", equalTo(1)).body("low", equalTo(1)).body("overstock", equalTo(1))
                .body("healthy", equalTo(1)).body("units", equalTo(16));
    }

    @Test
    void eachTableExportsAsCsvWithWhatItShows() {
        String categories = call().get("/api/v1/statistics/stock/categories.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(categories.lines().toList()).containsExactly("category,variants,units,value_at_cost",
                "Arrosage,2,11,88.00", "Outils,1,5,15.00", ",1,0,0");

        String slow = call().get("/api/v1/statistics/stock/slow-movers.csv").then().statusCode(200).extract().asString();
        assertThat(slow.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("HOSE-25", "TROWEL");

        call().get("/api/v1/statistics/stock/everything.csv").then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void anImpossiblePeriodIsAClearProblem() {
        call().get("/api/v1/statistics/stock?days=0").then().spec(Api.problem(400, "validation"));
        call().get("/api/v1/statistics/stock?days=400").then().spec(Api.problem(400, "validation"));
        call().get("/api/v1/statistics/stock?days=soon").then().statusCode(400);
    }

    @Test
    void aDriverDoesNotSeeTheStatistics() {
        Account driver = Api.newUser(port, admin, "DRIVER");
        Api.as(port, driver).get("/api/v1/statistics/stock").then().statusCode(403);
        Api.as(port, Api.newUser(port, admin, "VIEWER")).get("/api/v1/statistics/stock").then().statusCode(200);
    }

    @Test
    void thePageShowsTheFiguresTheChartsAndTheOutOfStockBanner() {
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), Api.PASSWORD);

        WebSession.Page page = web.get("/app/reporting/stock?days=7");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-out-banner", "data-chart-id=\"status\"", "data-chart-id=\"flows\"",
                "data-chart-id=\"categories\"", "HOSE-25", "/app/reporting/stock/categories.csv?days=7&amp;slowDays=30");
        assertThat(page.body()).containsPattern("data-kpi=\"value\"[^>]*>103,00.€<");

        WebSession.Page csv = web.get("/app/reporting/stock/products.csv?days=7");
        assertThat(csv.status()).isEqualTo(200);
        // The page's file is for people: in French, Excel's byte order mark, semicolons and decimal commas.
        assertThat(csv.body().lines().toList()).containsExactly("\ufeffProduit;Unités;Valeur au coût",
                "Tuyau d'arrosage;11;88,00", "Transplantoir;5;15,00");

        // A period typed into the URL that the page does not offer falls back to 30 days.
        assertThat(web.get("/app/reporting/stock?days=12345").body()).contains("(30 jours)");
    }

    private JsonPath report(String query) {
        return call().get("/api/v1/statistics/stock" + query).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath product(String name, String categoryId, List<Map<String, Object>> variants) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("vatRate", 20);
        body.put("status", "ACTIVE");
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        if (variants.size() > 1) {
            body.put("options", List.of(Map.of("name", "longueur", "values",
                    variants.stream().map(v -> v.get("sku")).toList())));
            variants.forEach(v -> v.put("options", Map.of("longueur", v.get("sku"))));
        }
        body.put("variants", variants);
        return call().body(body).post("/api/v1/products").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> variant(String sku, String price, String cost) {
        Map<String, Object> v = new HashMap<>();
        v.put("sku", sku);
        v.put("price", new BigDecimal(price));
        if (cost != null) {
            v.put("cost", new BigDecimal(cost));
        }
        return v;
    }

    private void move(String variantId, String type, int quantity) {
        call().body(Map.of("variantId", variantId, "type", type, "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    private void thresholds(String variantId, Map<String, Object> body) {
        call().body(body).put("/api/v1/stocks/" + variantId).then().statusCode(200);
    }

    private RequestSpecification call() {
        return Api.as(port, admin);
    }
}
