import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout benchmark of the store API against a running Comptoir whose demo garden shop has its online shop on
 * (issue #15). JDK 22+, no dependency (the source launcher compiles {@code BenchClient.java}, beside it, with it):
 *
 * <pre>
 * java bench/CheckoutBench.java --base http://localhost:8080 [--slug jardin-des-lilas] [--tokens shp_a,shp_b,…]
 *      [--clients 16] [--duration 30] [--warmup 5] [--variants 500]
 * </pre>
 *
 * {@code --tokens}: shopper bearer tokens of the shop (the store API's login gives them), used in turn; without
 * it, the bench signs in as the demo shop's verified shopper ({@code --shopper}, demo password). Start the
 * server with {@code --comptoir.storefront.checkouts-per-address=100000000}: every client comes from 127.0.0.1, which
 * the checkout throttle would otherwise stop after 30 checkouts. It signs in as the demo administrator to pick the
 * variants that have stock, then N concurrent clients place orders back to back: {@code POST
 * /api/v1/store/{slug}/checkout} with a cart of 3 lines (3 different random variants, 1 unit each), an address, an
 * {@code Idempotency-Key}: one request creates the order and confirms it with its stock reserved, each client on its
 * own keep-alive connection ({@code BenchClient.Connection}: the JDK's HttpClient cost 3.9 ms of CPU per order on the
 * cores the server uses). It prints orders
 * per second, the p50/p90/p99/max, the refusals for lack of stock (409), the errors, and the oversold count: the
 * variants whose reserved quantity grew by more than the units of the orders placed, or that ended with less than
 * nothing available.
 */
public class CheckoutBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "16",
                "duration", "30", "warmup", "5", "email", "admin@jardin-des-lilas.demo", "password", "comptoir-demo-2026",
                "slug", "jardin-des-lilas", "tokens", "", "variants", "200", "shopper", "client@jardin-des-lilas.demo"));
        defaults.put("shoppers", "16");
        defaults.put("restock", "100000");
        defaults.put("smtp-port", "2525");
        BenchClient.Setup setup = BenchClient.Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        HttpClient http = setup.http();
        List<String> given = List.of(options.get("tokens").split(",")).stream().filter(t -> !t.isBlank()).toList();
        List<String> tokens = given;
        int newShoppers = Integer.parseInt(options.get("shoppers"));
        if (given.isEmpty() && newShoppers > 0) {
            // As many customers as clients, each with their own cart and orders, registered as an app would.
            tokens = BenchShoppers.register(http, base, options.get("slug"), newShoppers,
                    Integer.parseInt(options.get("smtp-port")), options.get("password"));
            System.out.printf("%d shoppers registered, verified by the e-mailed link, signed in%n", tokens.size());
        } else if (given.isEmpty()) {
            // The demo shop's verified shopper (every client then orders for the same customer, one at a time).
            String login = BenchClient.post(http, base + "/api/v1/store/" + options.get("slug") + "/auth/login", "none",
                    "{\"email\":\"" + options.get("shopper") + "\",\"password\":\"" + options.get("password") + "\"}");
            tokens = List.of(BenchClient.field(login, "token"));
        }
        List<String> shoppers = tokens;
        String staff = BenchClient.login(http, base, options.get("email"), options.get("password"));
        int wanted = Integer.parseInt(options.get("variants"));
        List<String> variants = new ArrayList<>();
        // Variants the shop sells and has in stock: active products' active variants, as the store API shows them.
        String store = base + "/api/v1/store/" + options.get("slug");
        Pattern productId = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\"");
        Pattern inStock = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"sku\"[^}]*\\}[^}]*\"availability\":\"IN_STOCK\"");
        outer:
        for (int page = 0; page < 10; page++) {
            Matcher products = productId.matcher(BenchClient.get(http, store + "/products?size=200&sort=name&page=" + page,
                    "none"));
            boolean any = false;
            while (products.find()) {
                any = true;
                Matcher m = inStock.matcher(BenchClient.get(http, store + "/products/" + products.group(1), "none"));
                while (m.find()) {
                    variants.add(m.group(1));
                    if (variants.size() >= wanted) {
                        break outer;
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        if (variants.size() < 3) {
            throw new IllegalStateException("Fewer than 3 variants with stock");
        }
        // Ample stock, so that the orders measure the checkout and not the demo's stock running out (0: as it is).
        int restock = Integer.parseInt(options.get("restock"));
        if (restock > 0) {
            for (String v : variants) {
                BenchClient.post(http, base + "/api/v1/stocks/movements", staff, "{\"variantId\":\"" + v
                        + "\",\"type\":\"RECEIPT\",\"quantity\":" + restock + "}");
            }
            System.out.printf("%d variants restocked with %d each%n", variants.size(), restock);
        }
        Map<String, Integer> reservedBefore = reserved(http, base, staff, variants);
        Map<String, AtomicLong> unitsOrdered = new ConcurrentHashMap<>();
        variants.forEach(v -> unitsOrdered.put(v, new AtomicLong()));

        String url = base + "/api/v1/store/" + options.get("slug") + "/checkout";
        long warmupEnd = System.nanoTime() + setup.warmup().toNanos();
        long end = warmupEnd + setup.duration().toNanos();
        AtomicLong placed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> errorStatuses = new ConcurrentHashMap<>();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < setup.clients(); c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    long[] mine = new long[1_000_000];
                    int n = 0;
                    String token = shoppers.get(client % shoppers.size());
                    URI uri = URI.create(url);
                    BenchClient.Connection connection = new BenchClient.Connection(token, false);
                    while (System.nanoTime() < end) {
                        List<String> lines = new ArrayList<>();
                        while (lines.size() < 3) {
                            String v = variants.get(random.nextInt(variants.size()));
                            if (!lines.contains(v)) {
                                lines.add(v);
                            }
                        }
                        String body = "{\"lines\":[" + String.join(",", lines.stream()
                                .map(v -> "{\"variantId\":\"" + v + "\",\"quantity\":1}").toList())
                                + "],\"address\":{\"line1\":\"1 allée des Lilas\",\"postalCode\":\"69001\","
                                + "\"city\":\"Lyon\",\"country\":\"FR\"}}";
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = connection.post(uri, body, "Idempotency-Key: " + UUID.randomUUID() + "\r\n");
                        } catch (Exception e) {
                            status = -1;
                            connection.close();
                        }
                        long took = System.nanoTime() - start;
                        if (status == 201) {
                            lines.forEach(v -> unitsOrdered.get(v).incrementAndGet());
                        }
                        if (start < warmupEnd) {
                            continue;
                        }
                        if (status == 201) {
                            placed.incrementAndGet();
                            if (n < mine.length) {
                                mine[n++] = took;
                            }
                        } else if (status == 409) {
                            refused.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            errorStatuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    connection.close();
                    latencies.add(java.util.Arrays.copyOf(mine, n));
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        long[] sorted = BenchClient.sortedConcat(latencies);
        double seconds = setup.duration().toNanos() / 1e9;
        System.out.printf("checkout (3 lines → CONFIRMED order) %d clients: %.0f orders/s  p50 %.2f ms  p90 %.2f ms  "
                        + "p99 %.2f ms  max %.2f ms  (%d orders, %d refused for stock, %d errors)%n",
                setup.clients(), placed.get() / seconds, BenchClient.percentile(sorted, 50),
                BenchClient.percentile(sorted, 90), BenchClient.percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, placed.get(), refused.get(),
                errors.get());
        if (!errorStatuses.isEmpty()) {
            System.out.println("errors by status (-1: no answer): " + errorStatuses);
        }
        Map<String, Integer> reservedAfter = reserved(http, base, staff, variants);
        int oversold = 0;
        for (String v : variants) {
            int grew = reservedAfter.get(v) - reservedBefore.get(v);
            int available = available(http, base, staff, v);
            if (grew > unitsOrdered.get(v).get() || available < 0) {
                oversold++;
            }
        }
        System.out.println("oversold variants: " + oversold);
    }

    private static Map<String, Integer> reserved(HttpClient http, String base, String token, List<String> variants)
            throws Exception {
        Map<String, Integer> result = new HashMap<>();
        for (String v : variants) {
            result.put(v, Integer.parseInt(BenchClient.field(BenchClient.get(http, base + "/api/v1/stocks/" + v, token),
                    "reserved")));
        }
        return result;
    }

    private static int available(HttpClient http, String base, String token, String variant) throws Exception {
        return Integer.parseInt(BenchClient.field(BenchClient.get(http, base + "/api/v1/stocks/" + variant, token),
                "available"));
    }
}
