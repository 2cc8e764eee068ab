import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order placement benchmark of the sales API against a running Comptoir with the demo garden shop
 * ({@code jardin-des-lilas}: ≈10 000 variants, stocked). JDK 22+, no dependency (the source launcher
 * compiles {@code BenchClient.java}, beside it, with it):
 *
 * <pre>
 * java bench/SalesBench.java --base http://localhost:8080 [--clients 32] [--duration 60] [--warmup 15]
 *      [--variants 2000] [--restock 0]
 * </pre>
 *
 * It signs in as the demo administrator, picks the variants that have stock at the shop (at most
 * {@code --variants}) and a demo customer, then N concurrent clients (virtual threads, one keep-alive
 * connection each) place orders back to back: {@code POST /api/v1/orders} with 3 lines (3 different random
 * variants, 1 unit each, the customer's default delivery address) then {@code POST /api/v1/orders/{id}/confirm}
 * (which reserves the stock, all or nothing). It prints confirmed orders per second, the p50/p90/p99/max of
 * the whole placement (create + confirm) and of each call, the refusals for lack of stock, and the
 * oversell check: for every variant used, the growth of its reserved quantity must equal the units of the
 * confirmed orders, and no variant may end with less than nothing available.
 */
public class SalesBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "32",
                "duration", "60", "warmup", "15", "email", "admin@jardin-des-lilas.demo", "password", "comptoir-demo-2026",
                "variants", "2000", "restock", "0"));
        BenchClient.Setup setup = BenchClient.Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        int clients = setup.clients();
        Duration duration = setup.duration();
        Duration warmup = setup.warmup();
        HttpClient http = setup.http();
        String token = BenchClient.login(http, base, options.get("email"), options.get("password"));

        String customer = BenchClient.field(BenchClient.get(http, base + "/api/v1/customers?size=1", token), "id");
        String shop = null;
        Matcher loc = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"isDefault\":true").matcher(
                BenchClient.get(http, base + "/api/v1/stocks/locations", token));
        if (loc.find()) {
            shop = loc.group(1);
        }
        // Variants for sale (active, of an active product)...
        java.util.Set<String> forSale = new java.util.HashSet<>();
        Pattern sellable = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"productId\"[^{}]*?\"productStatus\":\"ACTIVE\""
                + "[^{}]*?\\{[^{}]*}[^{}]*?\"active\":true");
        for (int page = 0; ; page++) {
            String body = BenchClient.get(http, base + "/api/v1/variants?size=200&page=" + page, token);
            Matcher m = sellable.matcher(body);
            while (m.find()) {
                forSale.add(m.group(1));
            }
            if (body.contains("\"items\":[]") || page > 500) {
                break;
            }
        }
        // ... with at least 3 units available at the shop (where orders reserve).
        Map<String, Integer> available = new LinkedHashMap<>();
        int wanted = Integer.parseInt(options.get("variants"));
        Pattern level = Pattern.compile("\\{\"variantId\":\"([0-9a-f-]{36})\"[^{}]*?\"available\":(-?\\d+)");
        for (int page = 0; available.size() < wanted; page++) {
            String body = BenchClient.get(http, base + "/api/v1/stocks?size=200&page=" + page
                    + (shop == null ? "" : "&locationId=" + shop), token);
            Matcher m = level.matcher(body);
            int seen = 0;
            while (m.find()) {
                seen++;
                if (Integer.parseInt(m.group(2)) >= 3 && forSale.contains(m.group(1)) && available.size() < wanted) {
                    available.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
            if (seen == 0) {
                break;
            }
        }
        List<String> variants = new ArrayList<>(available.keySet());
        if (variants.size() < 3) {
            throw new IllegalStateException("No stocked catalog: start Comptoir on an empty data directory so the demo shop is created");
        }
        // Restock every benchmark variant first (a RECEIPT movement each), so that the run measures placing
        // orders rather than refusals once the demo shop's popular variants run out (--restock 0: do not).
        int restock = Integer.parseInt(options.get("restock"));
        if (restock > 0) {
            String location = shop;
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (String v : variants) {
                    pool.submit(() -> {
                        HttpRequest receipt = HttpRequest.newBuilder(URI.create(base + "/api/v1/stocks/movements"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"variantId\":\"" + v + "\",\"type\":\"RECEIPT\","
                                        + "\"quantity\":" + restock + (location == null ? "" : ",\"locationId\":\"" + location + "\"")
                                        + ",\"reason\":\"Benchmark restock\"}")).build();
                        return http.send(receipt, HttpResponse.BodyHandlers.discarding()).statusCode();
                    });
                }
            }
            variants.forEach(v -> available.merge(v, restock, Integer::sum));
        }
        Map<String, Integer> reservedBefore = reserved(http, base, token, variants);
        System.out.printf("Order placement: %d stocked variants (%d units available), %d clients, %d s (after %d s warm-up)%n",
                variants.size(), available.values().stream().mapToInt(Integer::intValue).sum(), clients,
                duration.toSeconds(), warmup.toSeconds());

        Map<String, Integer> confirmedUnits = new ConcurrentHashMap<>();
        run(base, token, customer, variants, clients, warmup, confirmedUnits, true);
        Run measured = run(base, token, customer, variants, clients, duration, confirmedUnits, false);
        System.out.println();
        measured.print();

        Map<String, Integer> reservedAfter = reserved(http, base, token, variants);
        long mismatched = 0;
        long negative = 0;
        for (String v : variants) {
            int grew = reservedAfter.get(v) - reservedBefore.get(v);
            if (grew != confirmedUnits.getOrDefault(v, 0)) {
                mismatched += Math.abs(grew - confirmedUnits.getOrDefault(v, 0));
            }
        }
        Pattern avail = Pattern.compile("\"available\":(-?\\d+)");
        for (String v : variants) {
            Matcher m = avail.matcher(BenchClient.get(http, base + "/api/v1/stocks/" + v, token));
            if (m.find() && Integer.parseInt(m.group(1)) < 0) {
                negative++;
            }
        }
        System.out.printf("oversell: %d variants below zero available, %d units of difference between reserved stock"
                + " and confirmed orders (both must be 0)%n", negative, mismatched);
    }

    record Run(long orders, long refused, long errors, double seconds, long[] placement, long[] create, long[] confirm) {

        static String line(String name, long[] sorted) {
            return String.format("%-32s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms", name,
                    BenchClient.percentile(sorted, 50), BenchClient.percentile(sorted, 90), BenchClient.percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }

        void print() {
            System.out.printf("confirmed orders: %d in %.1f s = %.0f orders/s (%d refused for lack of stock, %d errors)%n",
                    orders, seconds, orders / seconds, refused, errors);
            System.out.println(line("placement (create + confirm)", placement));
            System.out.println(line("POST /api/v1/orders", create));
            System.out.println(line("POST /api/v1/orders/{id}/confirm", confirm));
        }
    }

    static Run run(String base, String token, String customer, List<String> variants, int clients, Duration duration,
                   Map<String, Integer> confirmedUnits, boolean warmup) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<Future<long[][]>> futures = new ArrayList<>();
        URI uri = URI.create(base);
        Pattern id = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client * 7919L + (warmup ? 1 : 2));
                    BenchClient.Latencies placement = new BenchClient.Latencies();
                    BenchClient.Latencies create = new BenchClient.Latencies();
                    BenchClient.Latencies confirm = new BenchClient.Latencies();
                    try (BenchClient.Connection connection = new BenchClient.Connection(token, true)) {
                        while (running.get()) {
                            String[] lines = new String[3];
                            for (int i = 0; i < 3; i++) {
                                String v;
                                do {
                                    v = variants.get(random.nextInt(variants.size()));
                                } while (i > 0 && (v.equals(lines[0]) || v.equals(lines[i - 1])));
                                lines[i] = v;
                            }
                            String body = "{\"customerId\":\"" + customer + "\",\"lines\":[" + String.join(",",
                                    Arrays.stream(lines).map(v -> "{\"variantId\":\"" + v + "\",\"quantity\":1}").toList())
                                    + "]}";
                            long t0 = System.nanoTime();
                            int status = connection.send(uri, "POST", "/api/v1/orders", body);
                            long t1 = System.nanoTime();
                            if (status != 201) {
                                errors.incrementAndGet();
                                continue;
                            }
                            Matcher m = id.matcher(connection.body);
                            if (!m.find()) {
                                errors.incrementAndGet();
                                continue;
                            }
                            int confirmed = connection.send(uri, "POST", "/api/v1/orders/" + m.group(1) + "/confirm", null);
                            long t2 = System.nanoTime();
                            if (confirmed == 409) {
                                refused.incrementAndGet();
                                continue;
                            }
                            if (confirmed != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            for (String v : lines) {
                                confirmedUnits.merge(v, 1, Integer::sum);
                            }
                            placement.add(t2 - t0);
                            create.add(t1 - t0);
                            confirm.add(t2 - t1);
                        }
                    }
                    return new long[][] {placement.toArray(), create.toArray(), confirm.toArray()};
                }));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<long[][]> parts = new ArrayList<>();
        for (Future<long[][]> f : futures) {
            parts.add(f.get());
        }
        long[][] all = new long[3][];
        for (int k = 0; k < 3; k++) {
            int kind = k;
            all[k] = BenchClient.sortedConcat(parts.stream().map(part -> part[kind]).toList());
        }
        if (warmup) {
            System.out.printf("warm-up: %d orders confirmed, %d refused, %d errors%n", all[0].length, refused.get(),
                    errors.get());
        }
        return new Run(all[0].length, refused.get(), errors.get(), seconds, all[0], all[1], all[2]);
    }

    static Map<String, Integer> reserved(HttpClient http, String base, String token, List<String> variants) throws Exception {
        Map<String, Integer> result = new HashMap<>();
        Pattern reserved = Pattern.compile("\"reserved\":(-?\\d+)");
        for (String v : variants) {
            Matcher m = reserved.matcher(BenchClient.get(http, base + "/api/v1/stocks/" + v, token));
            result.put(v, m.find() ? Integer.parseInt(m.group(1)) : 0);
        }
        return result;
    }
}
