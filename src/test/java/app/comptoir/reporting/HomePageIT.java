package app.comptoir.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The home page's figures against a business whose day is known: orders waiting in each status, the
 * stock-outs and alerts (the same count as the alerts page), today's sales against last week's same day,
 * the first-run guide, and where each role lands.
 */
@IntegrationTest
class HomePageIT {

    @LocalServerPort
    int port;

    private Account admin;

    @Test
    void theHomePageCountsTodaysWorkOfAFreshBusinessAndLinksToEachFilteredList() {
        admin = Api.newBusiness(port, "Jardinerie Accueil");
        String can = product("Arrosoir", "10.00", "ARR-HOME");
        String rake = product("Râteau", "20.00", "RAT-HOME");
        receive(can, 50);
        receive(rake, 1);
        call().body(Map.of("variantId", rake, "type", "ISSUE", "quantity", 1)).post("/api/v1/stocks/movements")
                .then().statusCode(201);

        draft(can, 1);
        draft(can, 1);
        confirmed(can, 1);
        advance(confirmed(can, 2), "PREPARING");
        advance(confirmed(can, 3), "PREPARING", "OUT_FOR_DELIVERY");
        advance(confirmed(can, 1), "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
        String cancelled = confirmed(can, 1);
        call().post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        WebSession web = new WebSession(port);
        web.signIn(admin.email(), Api.PASSWORD);
        String home = web.get("/app").body();

        assertThat(figure(home, "DRAFT")).isEqualTo("2");
        assertThat(figure(home, "CONFIRMED")).isEqualTo("1");
        assertThat(figure(home, "PREPARING")).isEqualTo("1");
        assertThat(figure(home, "OUT_FOR_DELIVERY")).isEqualTo("1");
        assertThat(figure(home, "stock-outs")).isEqualTo("1");
        assertThat(figure(home, "alerts-CRITICAL")).isEqualTo("1");
        assertThat(figure(home, "alerts-WARNING")).isEqualTo("0");
        // Two orders went out today (3 + 1 cans at 10.00 + 20 % VAT), none on the same day last week.
        assertThat(home).containsPattern("data-sales-today[^>]*>48,00.€<")
                .containsPattern("data-sales-last-week[^>]*>[^<]*dernier : 0,00.€ \\(0 commande\\(s\\)\\)");
        assertThat(home).contains("href=\"/app/sales/orders?status=DRAFT\"", "href=\"/app/sales/orders?status=CONFIRMED\"",
                "href=\"/app/sales/orders?status=OUT_FOR_DELIVERY\"",
                "href=\"/app/inventory/stock/alerts?type=OUT_OF_STOCK\"",
                "href=\"/app/inventory/stock/alerts?severity=CRITICAL\"");

        // The filtered lists behind the links say the same.
        assertThat(call().get("/api/v1/orders?status=DRAFT").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isEqualTo(2);
        assertThat(call().get("/api/v1/stocks/alerts?type=OUT_OF_STOCK").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isEqualTo(1);
    }

    @Test
    void aNewBusinessSeesTheFirstRunGuideTickedStepByStepUntilItIsDismissed() {
        admin = Api.newBusiness(port, "Quincaillerie Neuve");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), Api.PASSWORD);
        String fresh = web.get("/app").body();
        assertThat(fresh).contains("data-guide", "Bien démarrer", "0 étape(s) sur 4");
        assertThat(step(fresh, "details")).isEqualTo("false");
        assertThat(step(fresh, "product")).isEqualTo("false");

        receive(product("Marteau", "12.00", "MAR-GUIDE"), 3);
        JsonPath tenant = call().get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        Map<String, Object> settings = new HashMap<>();
        for (String field : List.of("name", "slug", "currency", "locale", "timezone", "enabledModules")) {
            settings.put(field, tenant.get(field));
        }
        settings.put("name", "Quincaillerie Neuve et Fils");
        call().body(settings).put("/api/v1/tenant").then().statusCode(200);
        String going = web.get("/app").body();
        assertThat(step(going, "details")).isEqualTo("true");
        assertThat(step(going, "product")).isEqualTo("true");
        assertThat(step(going, "stock")).isEqualTo("true");
        assertThat(step(going, "colleague")).isEqualTo("false");
        assertThat(going).contains("3 étape(s) sur 4");

        // A viewer reads the home page without the guide and may not dismiss it; the owner may.
        Account viewer = Api.newUser(port, admin, "VIEWER");
        WebSession viewing = new WebSession(port);
        viewing.signIn(viewer.email(), viewer.password());
        assertThat(viewing.get("/app").body()).doesNotContain("data-guide");
        assertThat(viewing.post("/app/guide/dismiss", Map.of()).status()).isEqualTo(403);
        // The viewer was the colleague: with every step done, the guide goes away by itself.
        assertThat(web.get("/app").body()).doesNotContain("data-guide");

        Account other = Api.newBusiness(port, "Quincaillerie Pressée");
        WebSession busy = new WebSession(port);
        busy.signIn(other.email(), Api.PASSWORD);
        assertThat(busy.get("/app").body()).contains("data-guide");
        assertThat(busy.post("/app/guide/dismiss", Map.of()).location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(busy.get("/app").body()).doesNotContain("data-guide");
    }

    @Test
    void aDriverLandsOnTheirDeliveriesAndTheOthersOnTheHomePage() {
        admin = Api.newBusiness(port, "Livraisons Rapides");
        Account driver = Api.newUser(port, admin, "DRIVER");
        WebSession driving = new WebSession(port);
        driving.signIn(driver.email(), driver.password());
        assertThat(driving.get("/app").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/sales/deliveries"));

        Account viewer = Api.newUser(port, admin, "VIEWER");
        WebSession viewing = new WebSession(port);
        viewing.signIn(viewer.email(), viewer.password());
        WebSession.Page home = viewing.get("/app");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("data-home-orders", "data-home-stock", "data-home-sales");
    }

    @Test
    void theGardenShopsHomeAlertsAndStatisticsPagesCountTheSameStockOuts() {
        String email = "admin@jardin-des-lilas.demo";
        WebSession web = new WebSession(port);
        web.signIn(email, Api.DEMO_PASSWORD);
        String home = web.get("/app").body();
        String alerts = web.get("/app/inventory/stock/alerts").body();
        JsonPath api = Api.as(port, Api.token(port, email, Api.DEMO_PASSWORD))
                .get("/api/v1/stocks/alerts?type=OUT_OF_STOCK&size=1").then().statusCode(200).extract().jsonPath();

        long stockOuts = Long.parseLong(figure(home, "stock-outs"));
        assertThat(stockOuts).isPositive();
        assertThat(alertCount(alerts, "OUT_OF_STOCK")).isEqualTo(stockOuts);
        assertThat(api.getLong("total")).isEqualTo(stockOuts);
        // The statistics pages' banner and card say the same (they once said 170 variants where the alerts said 92).
        assertThat(web.get("/app/reporting/stock").body()).containsPattern("data-kpi=\"out\"[^>]*>" + stockOuts + "<")
                .contains(stockOuts + " ruptures de stock");
        assertThat(web.get("/app/reporting").body()).containsPattern("data-kpi=\"stock-outs\"[^>]*>" + stockOuts + "<");
        for (String severity : List.of("CRITICAL", "WARNING", "INFO")) {
            long onAlertsPage = 0;
            Matcher m = Pattern.compile("data-alert-count=\"[A-Z_]+\" data-severity=\"" + severity
                    + "\"[\\s\\S]*?data-count>(\\d+)<").matcher(alerts);
            while (m.find()) {
                onAlertsPage += Long.parseLong(m.group(1));
            }
            assertThat(Long.parseLong(figure(home, "alerts-" + severity))).as(severity).isEqualTo(onAlertsPage);
        }
    }

    private static String figure(String html, String name) {
        Matcher m = Pattern.compile("data-home-figure=\"" + name + "\"[\\s\\S]*?data-count>(\\d+)<").matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static long alertCount(String html, String type) {
        Matcher m = Pattern.compile("data-alert-count=\"" + type + "\"[\\s\\S]*?data-count>(\\d+)<").matcher(html);
        assertThat(m.find()).as(type).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String step(String html, String key) {
        Matcher m = Pattern.compile("data-step=\"" + key + "\" data-done=\"(true|false)\"").matcher(html);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    private String product(String name, String price, String sku) {
        return call().body(Map.of("name", name, "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", sku, "price", new BigDecimal(price)))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
    }

    private void receive(String variantId, int quantity) {
        call().body(Map.of("variantId", variantId, "type", "RECEIPT", "quantity", quantity))
                .post("/api/v1/stocks/movements").then().statusCode(201);
    }

    private String draft(String variantId, int quantity) {
        return call().body(Map.of("customer", Map.of("name", "M. Martin", "phone", "0612345678"),
                        "lines", List.of(Map.of("variantId", variantId, "quantity", quantity))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private String confirmed(String variantId, int quantity) {
        String id = draft(variantId, quantity);
        call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private void advance(String id, String... statuses) {
        for (String status : statuses) {
            call().body(Map.of("status", status)).patch("/api/v1/orders/" + id + "/status").then().statusCode(200);
        }
    }

    private RequestSpecification call() {
        return Api.as(port, admin);
    }
}
