package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.IntegrationTest;

/** Many clients confirming orders over the same few scarce variants at once. */
@IntegrationTest
class OrderConcurrencyIT {

    @LocalServerPort
    int port;

    @Test
    void concurrentConfirmationsNeverOversellAndRefusedOrdersStayUntouched() throws Exception {
        SalesApi shop = SalesApi.newShop(port);
        List<String> variants = List.of(shop.stocked("Bulbe A", "BUL-A", "1.00", 20, 12),
                shop.stocked("Bulbe B", "BUL-B", "1.00", 20, 9),
                shop.stocked("Bulbe C", "BUL-C", "1.00", 20, 15));
        Map<String, Integer> stock = Map.of(variants.get(0), 12, variants.get(1), 9, variants.get(2), 15);
        Random random = new Random(42);
        List<JsonPath> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // two or three lines over the three variants, in varying order (deadlock bait)
            List<Object> lines = new ArrayList<>();
            List<String> shuffled = new ArrayList<>(variants);
            java.util.Collections.shuffle(shuffled, random);
            for (String v : shuffled.subList(0, 2 + random.nextInt(2))) {
                lines.add(v);
                lines.add(1 + random.nextInt(3));
            }
            orders.add(shop.order(lines.toArray()));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (JsonPath order : orders) {
                results.add(pool.submit(() -> {
                    start.await();
                    return shop.call().post("/api/v1/orders/" + order.getString("id") + "/confirm").statusCode();
                }));
            }
            start.countDown();
        }

        Map<String, Integer> reserved = new HashMap<>();
        int confirmed = 0;
        for (int i = 0; i < orders.size(); i++) {
            int status = results.get(i).get();
            assertThat(status).isIn(200, 409);
            JsonPath now = shop.call().get("/api/v1/orders/" + orders.get(i).getString("id")).then().statusCode(200)
                    .extract().jsonPath();
            if (status == 200) {
                confirmed++;
                assertThat(now.getString("status")).isEqualTo("CONFIRMED");
                List<Map<String, Object>> lines = now.getList("lines");
                for (Map<String, Object> line : lines) {
                    reserved.merge((String) line.get("variantId"), (Integer) line.get("quantity"), Integer::sum);
                }
            } else {
                // refused: untouched
                assertThat(now.getString("status")).isEqualTo("DRAFT");
                assertThat(now.getList("history")).hasSize(1);
                assertThat(now.getInt("version")).isZero();
            }
        }
        assertThat(confirmed).isPositive().isLessThan(orders.size());
        for (String v : variants) {
            JsonPath level = shop.stock(v);
            int held = reserved.getOrDefault(v, 0);
            assertThat(held).as("reserved of %s", v).isLessThanOrEqualTo(stock.get(v));
            assertThat(level.getInt("reserved")).isEqualTo(held);
            assertThat(level.getInt("onHand")).isEqualTo(stock.get(v));
            assertThat(level.getInt("available")).isGreaterThanOrEqualTo(0);
        }
    }
}
