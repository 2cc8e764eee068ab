import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of a business's public shop against a running Comptoir (the demo garden shop's ≈1000 products).
 * JDK 22+, no dependency (the source launcher compiles {@code BenchClient.java}, beside it, with it):
 *
 * <pre>
 * java bench/StorefrontBench.java --base http://localhost:8080 [--shop jardin-des-lilas] [--clients 16]
 *      [--duration 60] [--warmup 30] [--scenarios product,category,api,search]
 * </pre>
 *
 * No sign-in: the shop is public. With N concurrent clients (virtual threads, each with its own keep-alive
 * connection, sending its next request when the previous one has answered), it measures for the given duration:
 * <ol>
 *   <li>{@code GET /shop/{shop}/products/{id}}: the product page of random active products;</li>
 *   <li>{@code GET /shop/{shop}/categories/{id}?sort=&page=}: category pages over every category with products,
 *       four sorts and their first three pages;</li>
 *   <li>{@code GET /api/v1/store/{shop}/products?category=&sort=&page=}: the store API's product list over the same
 *       categories, sorts and pages.</li>
 * </ol>
 * and prints pages per second and p50/p90/p99/max latency for each. The pages are served from the shop's rendered
 * page cache once warmed up (every address is asked for many times a minute); to measure them rendered every time,
 * start Comptoir with {@code COMPTOIR_STOREFRONT_PAGE_CACHE_TTL=0}.
 */
public class StorefrontBench {

    static final String[] SORTS = {"name", "price", "-price", "newest"};
    /** What shoppers type in the search box: whole words, several words, accents left out and typos. */
    static final String[] SEARCHES = {"arrosoir", "tuyau", "arosoir", "pot terre cuite", "jardiniere", "gants",
            "bottes", "secateur", "lavande", "rosier", "terreau", "parasol", "table", "solaire"};

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "16",
                "duration", "60", "warmup", "30", "shop", "jardin-des-lilas", "scenarios", "product,category,api"));
        BenchClient.Setup setup = BenchClient.Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        String shop = options.get("shop");
        int clients = setup.clients();
        Duration duration = setup.duration();
        Duration warmup = setup.warmup();
        HttpClient http = setup.http();
        String token = "none";

        String store = base + "/api/v1/store/" + shop;
        String tree = BenchClient.get(http, store + "/categories", token);
        List<String> categories = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(tree);
        while (m.find()) {
            categories.add(m.group(1));
        }
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = BenchClient.get(http, store + "/products?size=200&sort=name&page=" + page, token);
            Matcher idm = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\"").matcher(body);
            int before = ids.size();
            while (idm.find()) {
                ids.add(idm.group(1));
            }
            if (ids.size() == before) {
                break;
            }
        }
        System.out.printf("Shop %s: %d active products, %d categories; %d clients, %d s per scenario (after %d s warm-up)%n",
                shop, ids.size(), categories.size(), clients, duration.toSeconds(), warmup.toSeconds());
        if (ids.isEmpty() || categories.isEmpty()) {
            throw new IllegalStateException("No shop: start Comptoir with an empty data directory so the demo shop is created");
        }

        List<String> categoryUris = new ArrayList<>();
        List<String> apiUris = new ArrayList<>();
        for (String category : categories) {
            for (String sort : SORTS) {
                for (int page = 0; page < 3; page++) {
                    categoryUris.add(base + "/shop/" + shop + "/categories/" + category + "?sort=" + sort
                            + (page == 0 ? "" : "&page=" + page));
                    apiUris.add(store + "/products?category=" + category + "&sort=" + sort + "&page=" + page);
                }
            }
        }
        IntFunction<String> product = i -> base + "/shop/" + shop + "/products/" + ids.get(i % ids.size());
        IntFunction<String> category = i -> categoryUris.get(i % categoryUris.size());
        IntFunction<String> api = i -> apiUris.get(i % apiUris.size());
        List<String> searchUris = new ArrayList<>();
        for (String text : SEARCHES) {
            for (String sort : SORTS) {
                for (int page = 0; page < 2; page++) {
                    searchUris.add(store + "/products?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                            + "&sort=" + sort + "&page=" + page);
                }
            }
        }
        IntFunction<String> search = i -> searchUris.get(i % searchUris.size());

        List<String> scenarios = List.of(options.get("scenarios").split(","));
        List<BenchClient.Result> results = new ArrayList<>();
        if (scenarios.contains("product")) {
            BenchClient.run(token, "warm-up", product, clients, warmup);
            results.add(BenchClient.run(token, "GET /shop/{shop}/products/{id}", product, clients, duration));
        }
        if (scenarios.contains("category")) {
            BenchClient.run(token, "warm-up", category, clients, warmup);
            results.add(BenchClient.run(token, "GET /shop/{shop}/categories/{id}?sort=&page=", category, clients, duration));
        }
        if (scenarios.contains("api")) {
            BenchClient.run(token, "warm-up", api, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/store/{shop}/products?category=&sort=&page=", api, clients,
                    duration));
        }
        if (scenarios.contains("search")) {
            BenchClient.run(token, "warm-up", search, clients, warmup);
            results.add(BenchClient.run(token, "GET /api/v1/store/{shop}/products?q=&sort=&page=", search, clients,
                    duration));
        }
        System.out.println();
        results.forEach(BenchClient.Result::print);
    }
}
