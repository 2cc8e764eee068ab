import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the sales dashboard ({@code GET /api/v1/dashboard/summary}) against a running Comptoir
 * whose demo garden shop has its year of order history (≈ 50 000 orders). JDK 22+, no dependency (it
 * uses the keep-alive client and the measuring loop of {@code BenchClient.java}, beside it, which the
 * source launcher compiles with it):
 *
 * <pre>
 * java bench/DashboardBench.java --base http://localhost:8080 [--clients 8] [--duration 60] [--warmup 20]
 *      [--days 30,365] [--writes 0]
 * </pre>
 *
 * For each period length (the last N days, today included, in Europe/Paris), N concurrent clients ask
 * for the summary back to back; it prints requests per second and p50/p90/p99/max latency.
 * {@code --writes W}: meanwhile, W times a second, another client creates an order and cancels it (two
 * changes of the shop's orders, each of which makes the next summary be computed again rather than read
 * from the per-node summary cache). To measure every request computed from the database, start Comptoir
 * with {@code COMPTOIR_REPORTING_SUMMARY_CACHE_TTL=0}.
 */
public class DashboardBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "8",
                "duration", "60", "warmup", "20", "email", "manager@jardin-des-lilas.demo",
                "password", "comptoir-demo-2026", "days", "30,365", "writes", "0"));
        BenchClient.Setup setup = BenchClient.Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        int clients = setup.clients();
        Duration duration = setup.duration();
        Duration warmup = setup.warmup();
        HttpClient http = setup.http();
        double writes = Double.parseDouble(options.get("writes"));
        String token = BenchClient.login(http, base, options.get("email"), options.get("password"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

        String year = BenchClient.get(http, base + "/api/v1/dashboard/orders?from=" + today.minusDays(364) + "&to=" + today,
                token);
        System.out.printf("Orders created over the last 365 days: %s; %d clients, %d s per period (after %d s warm-up),"
                + " %s order changes/s%n", year, clients, duration.toSeconds(), warmup.toSeconds(), options.get("writes"));

        AtomicBoolean writing = new AtomicBoolean(writes > 0);
        AtomicLong written = new AtomicLong();
        Thread writer = null;
        if (writes > 0) {
            String customer = BenchClient.field(BenchClient.get(http, base + "/api/v1/customers?size=1", token), "id");
            List<String> variants = new ArrayList<>();
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"productId\"")
                    .matcher(BenchClient.get(http, base + "/api/v1/variants?size=50", token));
            while (m.find()) {
                variants.add(m.group(1));
            }
            long pause = (long) (2000 / writes);
            writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        String order = BenchClient.post(http, base + "/api/v1/orders", token, "{\"customerId\":\"" + customer
                                + "\",\"lines\":[{\"variantId\":\"" + variants.get(i % variants.size()) + "\",\"quantity\":1}]}");
                        BenchClient.post(http, base + "/api/v1/orders/" + BenchClient.field(order, "id") + "/cancel", token, "{}");
                        written.addAndGet(2);
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.err.println("write failed: " + e.getMessage());
                    }
                }
            });
        }

        List<BenchClient.Result> results = new ArrayList<>();
        for (String d : options.get("days").split(",")) {
            int days = Integer.parseInt(d.trim());
            String uri = base + "/api/v1/dashboard/summary?from=" + today.minusDays(days - 1L) + "&to=" + today;
            IntFunction<String> summary = i -> uri;
            BenchClient.run(token, "warm-up", summary, clients, warmup);
            long before = written.get();
            BenchClient.Result r = BenchClient.run(token, "GET /api/v1/dashboard/summary, last " + days + " days",
                    summary, clients, duration);
            results.add(r);
            if (writes > 0) {
                System.out.printf("  %d order changes during the %d-day run%n", written.get() - before, days);
            }
        }
        writing.set(false);
        if (writer != null) {
            writer.join(Duration.ofSeconds(40));
        }
        System.out.println();
        results.forEach(BenchClient.Result::print);
    }
}
