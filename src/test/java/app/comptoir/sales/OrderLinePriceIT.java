package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Issue #13: the unit price of a draft order's line changed in place, typed "12,50" or "12.50" on the page, a
 * number in the API; its net and the totals follow, whichever way the order's prices are entered.
 */
@IntegrationTest
class OrderLinePriceIT {

    @LocalServerPort
    int port;

    @Test
    void thePageReadsAPriceWithADecimalCommaOrPointAndRefusesAWordNextToTheField() {
        SalesApi shop = SalesApi.newShop(port, "EUR", false);
        String variant = shop.stocked("Arrosoir 10 L", "ARR-10", "9.90", 20, 5);
        JsonPath order = shop.order(variant, 2);
        String id = order.getString("id");
        String line = order.getString("lines[0].id");
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), Api.PASSWORD);
        assertThat(web.get("/app/sales/orders/" + id).body()).contains("inputmode=\"decimal\" name=\"unitPrice\"");

        WebSession.Page comma = web.post("/app/sales/orders/" + id + "/lines/" + line + "/price",
                Map.of("unitPrice", "12,50"), "HX-Request", "true");
        assertThat(comma.status()).isEqualTo(200);
        assertThat(comma.body()).contains("value=\"12,50\"");
        shop.call().get("/api/v1/orders/" + id).then().body("lines[0].unitPrice", equalTo(12.5f))
                .body("lines[0].net", equalTo(25.0f)).body("totals.gross", equalTo(30.0f));

        web.post("/app/sales/orders/" + id + "/lines/" + line + "/price", Map.of("unitPrice", "1 012.5"),
                "HX-Request", "true");
        shop.call().get("/api/v1/orders/" + id).then().body("lines[0].unitPrice", equalTo(1012.5f));

        for (String wrong : new String[] {"douze", "-3", "12,505", ""}) {
            WebSession.Page refused = web.post("/app/sales/orders/" + id + "/lines/" + line + "/price",
                    Map.of("unitPrice", wrong), "HX-Request", "true");
            assertThat(refused.status()).as(wrong).isEqualTo(200);
            assertThat(refused.body()).as(wrong).contains("data-price-error", "Un montant de 0 ou plus");
        }
        shop.call().get("/api/v1/orders/" + id).then().body("lines[0].unitPrice", equalTo(1012.5f));
    }

    @Test
    void theApiChangesAPriceIncludingVatAndKeepsTheNetExcludingIt() {
        SalesApi shop = SalesApi.newShop(port, "EUR", true);
        String variant = shop.stocked("Arrosoir 10 L", "ARR-10", "9.90", 20, 5);
        JsonPath order = shop.order(variant, 2);
        String path = "/api/v1/orders/" + order.getString("id") + "/items/" + order.getString("lines[0].id");
        // 2 × 12,00 TTC = 24,00 gross, 20,00 net.
        shop.call().body(Map.of("unitPrice", 12)).patch(path).then().statusCode(200)
                .body("lines[0].unitPrice", equalTo(12.0f)).body("lines[0].net", equalTo(20.0f))
                .body("totals.gross", equalTo(24.0f));
        // The quantity in place keeps the net excluding VAT too.
        shop.call().body(Map.of("quantity", 3)).patch(path).then().statusCode(200)
                .body("lines[0].net", equalTo(30.0f)).body("totals.gross", equalTo(36.0f));
        shop.call().body(Map.of("unitPrice", -1)).patch(path).then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("unitPrice"));
        shop.call().body(Map.of("unitPrice", "12.345")).patch(path).then().spec(Api.problem(400, "validation"));
    }
}
