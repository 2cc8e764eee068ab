package app.comptoir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The inventory benchmark of {@code bench/README.md}: reservations per second with 64 concurrent HTTP
 * clients on one hot variant and on 1000 spread variants, movements per second, and the oversell count
 * when 64 clients race for the last units. Runs only with {@code -Dbench=true} (see bench/inventory.sh).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InventoryBenchIT {

    static final int CLIENTS = 64;
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void reservationsAndMovementsPerSecond() throws Exception {
        Account admin = Api.newBusiness(port, "Bench");
        List<String> spread = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<String> sizes = IntStream.range(0, 25).mapToObj(i -> "T" + i).toList();
            List<String> colours = IntStream.range(0, 20).mapToObj(i -> "C" + i).toList();
            spread.addAll(Api.as(port, admin).body(Map.of("name", "Produit " + p, "vatRate", 20, "baseSku", "B" + p,
                            "price", new BigDecimal("5.00"), "options", List.of(Map.of("name", "Taille", "values", sizes),
                                    Map.of("name", "Couleur", "values", colours))))
                    .post("/api/v1/products").then().statusCode(201).extract().jsonPath().getList("variants.id"));
        }
        String hot = spread.getFirst();
        String token = admin.accessToken();
        for (String v : spread) {
            post(token, "/api/v1/stocks/movements", json(v, "RECEIPT", 1_000_000));
        }
        warmUp(token, spread);

        double hotRate = run(token, () -> reservation(hot));
        double spreadRate = run(token, () -> reservation(spread.get(ThreadLocalRandom.current().nextInt(spread.size()))));
        double movementRate = run(token, () -> {
            String v = spread.get(ThreadLocalRandom.current().nextInt(spread.size()));
            return new Call("/api/v1/stocks/movements", json(v, ThreadLocalRandom.current().nextBoolean() ? "RECEIPT" : "ISSUE", 1));
        });

        // Oversell: 64 clients race for the last 500 units of a fresh variant, one unit at a time.
        String last = spread.get(1);
        post(token, "/api/v1/stocks/count", "{\"variantId\":\"" + last + "\",\"countedQuantity\":500}");
        int stock = Api.as(port, admin).get("/api/v1/stocks/" + last).then().extract().path("available");
        AtomicInteger won = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    int refused = 0;
                    while (refused < 3) {
                        int status = post(token, "/api/v1/stocks/reservations", reservation(last).body());
                        if (status == 201) {
                            won.incrementAndGet();
                        } else {
                            refused++;
                        }
                    }
                    return null;
                });
            }
        }
        int oversold = Math.max(0, won.get() - stock);
        String result = String.format(Locale.ROOT, """
                Inventory benchmark (%d HTTP clients, %d s per scenario, embedded PostgreSQL, JWT auth)
                  reservations/s, one hot variant : %.0f
                  reservations/s, 1000 variants   : %.0f
                  movements/s, 1000 variants      : %.0f
                  oversell: %d reserved of %d available, oversold = %d
                """, CLIENTS, RUN.toSeconds(), hotRate, spreadRate, movementRate, won.get(), stock, oversold);
        System.out.println(result);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "inventory-bench.txt"), result);
        assertThat(oversold).isZero();
    }

    record Call(String path, String body) {
    }

    interface Scenario {
        Call next();
    }

    private static Call reservation(String variant) {
        return new Call("/api/v1/stocks/reservations",
                "{\"lines\":[{\"variantId\":\"" + variant + "\",\"quantity\":1}]}");
    }

    private void warmUp(String token, List<String> spread) throws Exception {
        for (int i = 0; i < 300; i++) {
            post(token, "/api/v1/stocks/reservations", reservation(spread.get(i % spread.size())).body());
        }
    }

    private double run(String token, Scenario scenario) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + RUN.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Call call = scenario.next();
                        int status = post(token, call.path(), call.body());
                        if (status == 201) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(failed.get()).isZero();
        return done.get() / seconds;
    }

    private int post(String token, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String json(String variant, String type, int quantity) {
        return "{\"variantId\":\"" + variant + "\",\"type\":\"" + type + "\",\"quantity\":" + quantity + "}";
    }
}
