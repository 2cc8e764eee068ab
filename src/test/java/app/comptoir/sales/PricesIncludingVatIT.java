package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/**
 * A shop whose prices include VAT (TTC), through the real API: the price typed in the catalog is the shelf
 * price, the order's VAT is computed inside it per rate, and changing the business's setting leaves what was
 * already made as it was.
 */
@IntegrationTest
class PricesIncludingVatIT {

    @LocalServerPort
    int port;

    @Test
    void aShelfPriceIncludingVatGivesTheOrderTheSameTotalsAsTheSamePriceExcludingVat() {
        SalesApi ttc = SalesApi.newShop(port, "EUR", true);
        String can = ttc.stocked("Arrosoir", "ARR-TTC", "12.00", 20, 10);
        ttc.call().get("/api/v1/tenant").then().statusCode(200).body("pricesIncludeVat", equalTo(true));
        JsonPath product = ttc.call().get("/api/v1/products?q=arrosoir").then().statusCode(200).extract().jsonPath();
        assertThat(product.getBoolean("items[0].pricesIncludeVat")).isTrue();

        JsonPath order = ttc.order(can, 3);
        assertThat(order.getBoolean("pricesIncludeVat")).isTrue();
        assertThat(order.getString("lines[0].unitPrice")).isEqualTo("12.0");
        // 3 × 12.00 TTC = 36.00, of which 36 × 20 / 120 = 6.00 VAT: the same as 3 × 10.00 HT + 20 %.
        assertThat(order.getString("totals.gross")).isEqualTo("36.0");
        assertThat(order.getString("totals.vat")).isEqualTo("6.0");
        assertThat(order.getString("totals.net")).isEqualTo("30.0");
        assertThat(order.getString("lines[0].net")).isEqualTo("30.0");
        assertThat(order.getBoolean("totals.pricesIncludeVat")).isTrue();

        SalesApi ht = SalesApi.newShop(port, "EUR", false);
        JsonPath same = ht.order(ht.stocked("Arrosoir", "ARR-HT", "10.00", 20, 10), 3);
        assertThat(same.getBoolean("pricesIncludeVat")).isFalse();
        assertThat(same.getString("totals.gross")).isEqualTo(order.getString("totals.gross"));
        assertThat(same.getString("totals.vat")).isEqualTo(order.getString("totals.vat"));
        assertThat(same.getString("totals.net")).isEqualTo(order.getString("totals.net"));
    }

    @Test
    void changingTheSettingLeavesExistingOrdersAndQuotesAsTheyWere() {
        SalesApi shop = SalesApi.newShop(port, "EUR", true);
        String pot = shop.stocked("Pot", "POT-TTC", "12.00", 20, 20);
        JsonPath before = shop.order(pot, 3);
        JsonPath quote = shop.call().body(Map.of("lines", List.of(Map.of("variantId", pot, "quantity", 2)),
                        "customer", Map.of("name", "Mme Devis", "phone", "0600000000"), "deliveryFee", 6))
                .post("/api/v1/quotes").then().statusCode(201).extract().jsonPath();
        // 2 × 12.00 + 6.00 of delivery, all TTC at 20 %: 30.00 of which 5.00 VAT.
        assertThat(quote.getString("totals.gross")).isEqualTo("30.0");
        assertThat(quote.getString("totals.vat")).isEqualTo("5.0");

        Map<String, Object> settings = settings(shop);
        settings.put("pricesIncludeVat", false);
        shop.call().body(settings).put("/api/v1/tenant").then().statusCode(200).body("pricesIncludeVat", equalTo(false));

        JsonPath again = shop.call().get("/api/v1/orders/" + before.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getBoolean("pricesIncludeVat")).isTrue();
        assertThat(again.getString("totals.gross")).isEqualTo("36.0");
        // The same catalog price is now read excluding VAT: 3 × 12.00 + 20 % = 43.20.
        JsonPath after = shop.order(pot, 3);
        assertThat(after.getBoolean("pricesIncludeVat")).isFalse();
        assertThat(after.getString("totals.gross")).isEqualTo("43.2");

        // The quote priced TTC converts into an order priced TTC, with the same totals.
        JsonPath converted = shop.call().body(Map.of()).post("/api/v1/quotes/" + quote.getString("id") + "/convert")
                .then().statusCode(201).extract().jsonPath();
        assertThat(converted.getBoolean("pricesIncludeVat")).isTrue();
        assertThat(converted.getString("totals.gross")).isEqualTo("30.0");
        assertThat(converted.getString("totals.vat")).isEqualTo("5.0");
        // A line added to it later comes from the catalog (now HT) converted into its mode: 12.00 HT = 14.40 TTC.
        JsonPath added = shop.call().body(Map.of("variantId", pot, "quantity", 1))
                .post("/api/v1/orders/" + converted.getString("id") + "/items").then().statusCode(201).extract().jsonPath();
        assertThat(added.getString("lines[1].unitPrice")).isEqualTo("14.4");
        assertThat(added.getString("totals.gross")).isEqualTo("44.4");
    }

    @Test
    void aReturnRefundsItsShareOfTheShelfPrice() {
        SalesApi shop = SalesApi.newShop(port, "EUR", true);
        String compost = shop.stocked("Terreau", "TER-TTC", "9.99", 5, 10);
        JsonPath order = shop.order(compost, 3);
        String id = order.getString("id");
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(id, status);
        }
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", order.getString("lines[0].id"), "quantity", 1))))
                .post("/api/v1/orders/" + id + "/returns").then().statusCode(201);
        JsonPath back = shop.call().get("/api/v1/orders/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(back.getString("refunded")).isEqualTo("9.99");
        // 29.97 TTC at 5 %: 29.97 × 5 / 105 = 1.4271 → 1.43 VAT; the totals stay those of the sale.
        assertThat(back.getString("totals.vat")).isEqualTo("1.43");
        assertThat(back.getString("totals.net")).isEqualTo("28.54");
    }

    @Test
    void xofPricesIncludingVatHaveNoDecimals() {
        SalesApi shop = SalesApi.newShop(port, "XOF", true);
        String rice = shop.product("Riz 5 kg", "RIZ-TTC", "3500", 18);
        Map<String, Object> body = new HashMap<>(SalesApi.orderBody(rice, 3));
        body.put("deliveryFee", 500);
        JsonPath order = shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        // 3 × 3 500 + 500 = 11 000 F TTC at 18 %: 11 000 × 18 / 118 = 1 677.97 → 1 678 F VAT.
        assertThat(order.getString("totals.gross")).isEqualTo("11000");
        assertThat(order.getString("totals.vat")).isEqualTo("1678");
        assertThat(order.getString("totals.net")).isEqualTo("9322");
    }

    @Test
    void theCsvNamesItsPriceColumnsAfterTheModeAndTheImportAcceptsTheBusinesssMode() {
        SalesApi shop = SalesApi.newShop(port, "EUR", true);
        shop.product("Arrosoir", "ARR-CSV", "12.00", 20);
        String csv = new String(shop.call().accept("text/csv").get("/api/v1/products/export.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",price_incl_vat,compare_at_price_incl_vat,");

        shop.call().contentType("text/csv").body("sku,price_incl_vat\nARR-CSV,13.50\n")
                .post("/api/v1/products/import").then().statusCode(200).body("productsUpdated", equalTo(1));
        shop.call().contentType("text/csv").body("sku,price_excl_vat\nARR-CSV,11.25\n")
                .post("/api/v1/products/import").then().statusCode(400)
                .body("errors[0].field", equalTo("price_excl_vat"))
                .body("errors[0].message", containsString("price_incl_vat"));
        assertThat(shop.call().get("/api/v1/products?q=arrosoir").then().extract().jsonPath()
                .getString("items[0].variants[0].price")).isEqualTo("13.5");
    }

    private static Map<String, Object> settings(SalesApi shop) {
        JsonPath tenant = shop.call().get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        Map<String, Object> settings = new HashMap<>();
        for (String field : List.of("name", "slug", "currency", "locale", "timezone", "enabledModules")) {
            settings.put(field, tenant.get(field));
        }
        return settings;
    }
}
